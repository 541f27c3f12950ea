package dev.canarycouncil.loganalyst.latency;

import dev.canarycouncil.runtime.schema.DurationUnit;
import java.util.Optional;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Whether the canary's records of one template took longer than the stable's. The thresholds are
 * the bundled metric presets' for request latency (docs/metrics.md), so a logs-only setup judges
 * latency as a Prometheus one would: half as slow again at the 95th percentile and by 25 ms, or at
 * the median and by 10 ms, with the shift significant. Without a stated unit only the ratio can be
 * judged, so both quantiles must move.
 */
public final class LatencyComparison {

    static final int MIN_PER_SIDE = 30;
    static final double ALLOWED_INCREASE = 1.5;
    static final double MIN_P95_DELTA_MS = 25;
    static final double MIN_P50_DELTA_MS = 10;
    static final double ALPHA = 0.001;

    private static final MannWhitneyUTest TEST =
            MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);

    private LatencyComparison() {}

    /** The comparison, when both sides read enough durations in the same unit. */
    public static Optional<LatencyShift> compare(DurationSample canary, DurationSample stable) {
        if (canary.count() < MIN_PER_SIDE || stable.count() < MIN_PER_SIDE || canary.unit() != stable.unit()) {
            return Optional.empty();
        }
        double[] c = canary.sorted();
        double[] s = stable.sorted();
        double p = TEST.test(c, s).getPValue();
        return Optional.of(new LatencyShift(
                canary.unit(),
                canary.count(),
                stable.count(),
                quantile(c, 0.5),
                quantile(c, 0.95),
                quantile(s, 0.5),
                quantile(s, 0.95),
                p));
    }

    /** True when the shift is a regression users would feel. */
    public static boolean slower(LatencyShift shift) {
        if (!(shift.pValue() < ALPHA)) {
            return false;
        }
        boolean p95 = LatencyShift.ratio(shift.canaryP95(), shift.stableP95()) >= ALLOWED_INCREASE;
        boolean p50 = LatencyShift.ratio(shift.canaryP50(), shift.stableP50()) >= ALLOWED_INCREASE;
        if (shift.unit() == DurationUnit.UNSTATED) {
            return p95 && p50;
        }
        return (p95 && shift.canaryP95() - shift.stableP95() >= MIN_P95_DELTA_MS)
                || (p50 && shift.canaryP50() - shift.stableP50() >= MIN_P50_DELTA_MS);
    }

    /** Linear interpolation between the closest ranks of a sorted sample. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
