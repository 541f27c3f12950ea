package dev.canarycouncil.orchestrator.chat;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The investigations the coordinator remembers, by A2A context id: the verdict a conversation is
 * about. Bounded (the least recently used goes first) and expiring (idle ones are forgotten), so
 * a chatty client cannot grow the coordinator's memory.
 */
public final class Investigations {

    /** One remembered investigation. */
    public record Investigation(String contextId, AnalysisRequest request, Verdict verdict, Instant lastUsed) {}

    public static final int DEFAULT_CAPACITY = 200;
    public static final Duration DEFAULT_IDLE = Duration.ofHours(2);

    private final int capacity;
    private final Duration idle;
    private final Clock clock;
    private final LinkedHashMap<String, Investigation> byContext = new LinkedHashMap<>(16, 0.75f, true);

    public Investigations(int capacity, Duration idle, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.idle = idle;
        this.clock = clock;
    }

    public static Investigations defaults() {
        return new Investigations(DEFAULT_CAPACITY, DEFAULT_IDLE, Clock.systemUTC());
    }

    /** @param request the analysis' request, for questions routed to the members; may be null */
    public synchronized void remember(String contextId, AnalysisRequest request, Verdict verdict) {
        expire();
        byContext.put(contextId, new Investigation(contextId, request, verdict, clock.instant()));
        while (byContext.size() > capacity) {
            Iterator<String> eldest = byContext.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    public synchronized Optional<Investigation> find(String contextId) {
        expire();
        Investigation i = contextId == null ? null : byContext.get(contextId);
        if (i == null) {
            return Optional.empty();
        }
        Investigation touched = new Investigation(i.contextId(), i.request(), i.verdict(), clock.instant());
        byContext.put(contextId, touched);
        return Optional.of(touched);
    }

    public synchronized int size() {
        expire();
        return byContext.size();
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(idle);
        byContext
                .entrySet()
                .removeIf((Map.Entry<String, Investigation> e) ->
                        e.getValue().lastUsed().isBefore(cutoff));
    }
}
