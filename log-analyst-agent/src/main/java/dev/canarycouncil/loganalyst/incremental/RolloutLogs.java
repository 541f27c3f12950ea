package dev.canarycouncil.loganalyst.incremental;

import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.runtime.tools.ContainerLog;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analyst has read of one rollout's logs so far: the mined records and, per container,
 * where it stopped. Each call adds only the lines after that place, so the last call of an hour-long
 * window reads about as much as the first. A pod that is gone keeps what was read of it.
 *
 * <p>Not thread-safe: the caller holds it for the whole of a call.
 */
public final class RolloutLogs implements ReadPlan {

    /** One container of one pod; a restarted container continues the same log. */
    private record Stream(String pod, String container) {}

    private final LineSink sink;
    private final Map<Stream, LogCursor> cursors = new HashMap<>();
    private final Map<String, Integer> restartsRead = new HashMap<>();
    private int calls;

    public RolloutLogs(LineSink sink) {
        this.sink = sink;
    }

    /** Calls that have added to this state; 0 before the first. */
    public int calls() {
        return calls;
    }

    /**
     * Where to start fetching a pod's logs: the oldest place any of its containers stopped, or the
     * window's start while one of them was never read or carries no timestamps.
     */
    @Override
    public Instant since(String pod, Instant windowStart) {
        Instant since = null;
        boolean any = false;
        for (Map.Entry<Stream, LogCursor> e : cursors.entrySet()) {
            if (!e.getKey().pod().equals(pod)) {
                continue;
            }
            any = true;
            if (e.getValue().stamp().isEmpty()) {
                return windowStart;
            }
            Instant s = e.getValue().stamp().get();
            since = since == null || s.isBefore(since) ? s : since;
        }
        return !any || since.isBefore(windowStart) ? windowStart : since;
    }

    /** Whether the pod restarted since the previous container's log was last read. */
    @Override
    public boolean previousUnread(String pod, int restarts) {
        return restarts > restartsRead.getOrDefault(pod, 0);
    }

    /**
     * Reads the unread part of what this call fetched.
     *
     * @param restarts each pod's restart count when its logs were fetched
     * @return false when a log could not be lined up with what was read before; nothing was added
     *     then, and the caller must start again from the window's start
     */
    public boolean add(Side side, List<ContainerLog> fetched, Map<String, Integer> restarts) throws IOException {
        // The previous container's lines come before the current one's: read them first.
        List<ContainerLog> ordered = fetched.stream()
                .sorted(Comparator.comparing((ContainerLog l) -> !l.previous()))
                .toList();
        Map<Stream, LogCursor> moved = new HashMap<>();
        List<NewLines.Result> unread = new ArrayList<>();
        for (ContainerLog log : ordered) {
            Stream stream = new Stream(log.pod(), String.valueOf(log.container()));
            LogCursor cursor = moved.getOrDefault(stream, cursors.getOrDefault(stream, LogCursor.START));
            NewLines.Result result = NewLines.after(cursor, log.text(), log.truncated());
            if (!result.aligned()) {
                return false;
            }
            moved.put(stream, result.next());
            unread.add(result);
        }
        for (int i = 0; i < ordered.size(); i++) {
            ContainerLog log = ordered.get(i);
            NewLines.Result result = unread.get(i);
            if (result.count() > 0) {
                String source = log.pod()
                        + (log.container() == null ? "" : "/" + log.container())
                        + (log.previous() ? " (previous)" : "");
                sink.read(side, source, new StringReader(result.text()));
            }
        }
        cursors.putAll(moved);
        restarts.forEach((pod, n) -> restartsRead.merge(pod, n, Math::max));
        return true;
    }

    /** Marks the end of one call's reading. */
    public void called() {
        calls++;
    }
}
