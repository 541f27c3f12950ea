package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.runtime.tools.EventInfo;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.time.Instant;
import java.util.Comparator;

/**
 * A core/v1 Event as {@link EventInfo}. Events written through the newer events.k8s.io API leave
 * {@code count}, {@code firstTimestamp} and {@code lastTimestamp} empty and use {@code series}
 * and {@code eventTime} instead; both forms give the same answer here.
 */
final class EventInfoMapper {

    /** Oldest last occurrence first, as {@code kubectl get events --sort-by=.lastTimestamp}. */
    static final Comparator<EventInfo> CHRONOLOGICAL = Comparator.comparing(
                    EventInfo::lastTimestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EventInfo::firstTimestamp, Comparator.nullsFirst(Comparator.naturalOrder()));

    private EventInfoMapper() {}

    static EventInfo map(Event e) {
        Instant eventTime = micro(e.getEventTime());
        Instant first = PodInfoMapper.instant(e.getFirstTimestamp());
        if (first == null) {
            first = eventTime != null
                    ? eventTime
                    : PodInfoMapper.instant(e.getMetadata().getCreationTimestamp());
        }
        Instant last = PodInfoMapper.instant(e.getLastTimestamp());
        if (last == null && e.getSeries() != null) {
            last = micro(e.getSeries().getLastObservedTime());
        }
        if (last == null) {
            last = first;
        }
        int count = e.getCount() != null
                ? e.getCount()
                : e.getSeries() != null && e.getSeries().getCount() != null
                        ? e.getSeries().getCount()
                        : 1;
        var involved = e.getInvolvedObject();
        return new EventInfo(
                e.getType(),
                e.getReason(),
                e.getMessage(),
                involved == null ? null : involved.getKind(),
                involved == null ? null : involved.getName(),
                count,
                first,
                last);
    }

    private static Instant micro(MicroTime time) {
        return time == null ? null : PodInfoMapper.instant(time.getTime());
    }
}
