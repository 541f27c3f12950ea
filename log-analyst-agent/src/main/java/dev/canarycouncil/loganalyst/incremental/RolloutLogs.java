package dev.canarycouncil.loganalyst.incremental;

import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.runtime.tools.ContainerLog;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analyst has read of one rollout's logs so far: where it stopped in each container's log.
 * Each call adds only the lines after that place to the sink, so the last call of an hour-long
 * window reads about as much as the first. A pod that is gone keeps what was read of it.
 *
 * <p>Not thread-safe: the caller holds it for the whole of a call.
 */
public final class RolloutLogs implements ReadPlan {

    /**
     * One run of one container: a restart starts a new log, and the one before becomes the
     * "previous" log, which continues where this state left it.
     */
    private record Instance(String pod, String container, int restarts) {}

    /** Restart counts of a side's containers when their logs were fetched, by pod and container. */
    public record Restarts(Map<String, Map<String, Integer>> byPod) {

        public Restarts {
            byPod = Map.copyOf(byPod);
        }

        int of(String pod, String container) {
            return byPod.getOrDefault(pod, Map.of()).getOrDefault(container, 0);
        }

        int ofPod(String pod) {
            return byPod.getOrDefault(pod, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }
    }

    private final LineSink sink;
    private final Map<Instance, LogCursor> cursors = new HashMap<>();
    private final Map<String, Integer> current = new HashMap<>();
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
     * Where to start fetching a pod's logs: the earliest place its running containers are to be
     * resumed from, or the window's start while one of them was never read or carries no timestamps.
     */
    @Override
    public Instant since(String pod, Instant windowStart) {
        Instant since = null;
        for (Map.Entry<Instance, LogCursor> e : cursors.entrySet()) {
            Instance i = e.getKey();
            if (!i.pod().equals(pod) || current.getOrDefault(pod + "/" + i.container(), -1) != i.restarts()) {
                continue;
            }
            if (e.getValue().resumeFrom().isEmpty()) {
                return windowStart;
            }
            Instant s = e.getValue().resumeFrom().get();
            since = since == null || s.isBefore(since) ? s : since;
        }
        return since == null || since.isBefore(windowStart) ? windowStart : since;
    }

    /** Whether the pod restarted since the previous container's log was last read. */
    @Override
    public boolean previousUnread(String pod, int restarts) {
        return restarts > restartsRead.getOrDefault(pod, 0);
    }

    /**
     * Reads the unread part of what this call fetched.
     *
     * @return false when a log could not be lined up with what was read before; nothing was added
     *     then, and the caller must start again from the window's start
     */
    public boolean add(Side side, List<ContainerLog> fetched, Restarts restarts) throws IOException {
        Map<Instance, LogCursor> moved = new HashMap<>();
        List<NewLines.Result> unread = new ArrayList<>();
        for (ContainerLog log : fetched) {
            String container = String.valueOf(log.container());
            int run = restarts.of(log.pod(), container) - (log.previous() ? 1 : 0);
            Instance instance = new Instance(log.pod(), container, run);
            NewLines.Result result =
                    NewLines.after(cursors.getOrDefault(instance, LogCursor.START), log.text(), log.truncated());
            if (!result.aligned()) {
                return false;
            }
            moved.put(instance, result.next());
            unread.add(result);
        }
        for (int i = 0; i < fetched.size(); i++) {
            ContainerLog log = fetched.get(i);
            NewLines.Result result = unread.get(i);
            if (result.count() > 0) {
                String source = log.pod()
                        + (log.container() == null ? "" : "/" + log.container())
                        + (log.previous() ? " (previous)" : "");
                sink.read(side, source, new StringReader(result.text()));
            }
        }
        cursors.putAll(moved);
        for (ContainerLog log : fetched) {
            String container = String.valueOf(log.container());
            if (log.previous()) {
                // Only a previous log actually read counts: one that failed to come is asked again next call.
                restartsRead.merge(log.pod(), restarts.ofPod(log.pod()), Math::max);
            } else {
                current.put(log.pod() + "/" + container, restarts.of(log.pod(), container));
            }
        }
        return true;
    }

    /** Marks the end of one call's reading. */
    public void called() {
        calls++;
    }
}
