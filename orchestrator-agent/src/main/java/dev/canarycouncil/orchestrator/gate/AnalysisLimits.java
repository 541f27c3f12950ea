package dev.canarycouncil.orchestrator.gate;

import java.time.Duration;

/**
 * How many analyses the controller endpoints run at once, so one caller (a controller's pod, or
 * anyone else who reaches the port) cannot take the council from the others.
 *
 * @param perCaller   analyses started by one remote address and still running
 * @param perRollout  analyses of one rollout (namespace and name) still running
 * @param retryAfter  what a refused caller is told to wait ({@code Retry-After})
 */
public record AnalysisLimits(int perCaller, int perRollout, Duration retryAfter) {

    public static final int DEFAULT_PER_CALLER = 8;
    public static final int DEFAULT_PER_ROLLOUT = 2;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

    public AnalysisLimits {
        if (perCaller < 1 || perRollout < 1) {
            throw new IllegalArgumentException("analysis limits must be at least 1, were " + perCaller
                    + " per caller and " + perRollout + " per rollout");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
        }
    }

    public static AnalysisLimits defaults() {
        return new AnalysisLimits(DEFAULT_PER_CALLER, DEFAULT_PER_ROLLOUT, DEFAULT_RETRY_AFTER);
    }
}
