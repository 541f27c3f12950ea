package dev.canarycouncil.orchestrator.gate;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts the analyses running per caller and per rollout against {@link AnalysisLimits}. A
 * measurement that joins a running or kept analysis takes no slot: only starting one does.
 */
public final class AnalysisSlots {

    /** One running analysis; closing it frees its slots. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final AnalysisLimits limits;
    private final Map<String, Integer> callers = new HashMap<>();
    private final Map<String, Integer> rollouts = new HashMap<>();

    public AnalysisSlots(AnalysisLimits limits) {
        this.limits = limits;
    }

    /**
     * @param caller  the remote address that asked
     * @param rollout {@code namespace/name} of the rollout to analyse
     * @throws TooManyAnalysesException when either limit is reached; nothing is taken then
     */
    public synchronized Slot acquire(String caller, String rollout) {
        int byCaller = callers.getOrDefault(caller, 0);
        int byRollout = rollouts.getOrDefault(rollout, 0);
        if (byCaller >= limits.perCaller()) {
            throw new TooManyAnalysesException(
                    caller + " already has " + byCaller + " analyses running (at most " + limits.perCaller()
                            + " per caller)",
                    limits.retryAfter());
        }
        if (byRollout >= limits.perRollout()) {
            throw new TooManyAnalysesException(
                    rollout + " already has " + byRollout + " analyses running (at most " + limits.perRollout()
                            + " per rollout)",
                    limits.retryAfter());
        }
        callers.merge(caller, 1, Integer::sum);
        rollouts.merge(rollout, 1, Integer::sum);
        boolean[] closed = {false};
        return () -> release(caller, rollout, closed);
    }

    private synchronized void release(String caller, String rollout, boolean[] closed) {
        if (closed[0]) {
            return;
        }
        closed[0] = true;
        callers.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
        rollouts.computeIfPresent(rollout, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Analyses running for this caller. */
    public synchronized int running(String caller) {
        return callers.getOrDefault(caller, 0);
    }
}
