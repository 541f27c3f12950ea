package dev.canarycouncil.loganalyst.latency;

import dev.canarycouncil.runtime.schema.DurationUnit;

/**
 * One template's durations on both sides, compared.
 *
 * @param pValue  one-sided Mann-Whitney U: the canary's durations are larger than the stable's
 */
public record LatencyShift(
        DurationUnit unit,
        long canaryCount,
        long stableCount,
        double canaryP50,
        double canaryP95,
        double stableP50,
        double stableP95,
        double pValue) {

    /** How much slower the canary is at the quantile that moved most. */
    public double ratio() {
        return Math.max(ratio(canaryP50, stableP50), ratio(canaryP95, stableP95));
    }

    static double ratio(double canary, double stable) {
        if (stable <= 0) {
            return canary > 0 ? Double.POSITIVE_INFINITY : 1;
        }
        return canary / stable;
    }
}
