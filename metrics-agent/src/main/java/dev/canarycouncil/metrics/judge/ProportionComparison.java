package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.MetricSpec;
import java.util.Locale;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Compares a ratio of counters (errors over requests) by the totals of the window on each side,
 * with Fisher's exact test. Comparing per-step ratios instead, as Kayenta does, passes sparse
 * errors: when most steps have no error on either side the ranks tie and the test sees nothing,
 * although the canary failed requests the stable never did.
 */
public final class ProportionComparison {

    private ProportionComparison() {}

    public static MetricOutcome compare(
            MetricSpec spec,
            double canaryEvents,
            double canaryTotal,
            double stableEvents,
            double stableTotal,
            double alpha,
            String canaryQuery,
            String stableQuery) {
        if (!(canaryTotal > 0) || !(stableTotal > 0)) {
            return MetricOutcome.noData(
                    spec,
                    String.format(
                            Locale.ROOT,
                            "no denominator to compare: canary total %.0f, stable total %.0f",
                            canaryTotal,
                            stableTotal),
                    canaryQuery,
                    stableQuery);
        }
        // increase() extrapolates to the window's edges: counts are estimates, kept consistent.
        int cTotal = count(canaryTotal);
        int sTotal = count(stableTotal);
        int cEvents = Math.min(count(canaryEvents), cTotal);
        int sEvents = Math.min(count(stableEvents), sTotal);
        double cRatio = (double) cEvents / cTotal;
        double sRatio = (double) sEvents / sTotal;
        double p = FisherExactTest.withDefaults()
                .with(alternative(spec.directionOrDefault()))
                .test(new int[][] {{cEvents, cTotal - cEvents}, {sEvents, sTotal - sEvents}})
                .getPValue();
        Classification classification = SampleComparison.classify(spec, cRatio, sRatio, p, alpha);
        String test = String.format(
                Locale.ROOT,
                "Fisher's exact test (%s) on %d of %d canary vs %d of %d stable: p=%.3g; ratios %s vs %s; "
                        + "a change counts beyond x%.2f and %s at alpha %.3g: %s",
                spec.directionOrDefault() == Direction.EITHER ? "two-sided" : "one-sided",
                cEvents,
                cTotal,
                sEvents,
                sTotal,
                p,
                Values.format(cRatio, "ratio"),
                Values.format(sRatio, "ratio"),
                spec.allowedIncreaseOrDefault(),
                Values.format(spec.minDeltaOrDefault(), "ratio"),
                alpha,
                classification);
        return new MetricOutcome(
                spec,
                classification,
                MetricOutcome.fails(spec, classification),
                cRatio,
                sRatio,
                p,
                test,
                canaryQuery,
                stableQuery);
    }

    /** A one-sided test in the direction the metric forbids; two-sided when it forbids both. */
    static AlternativeHypothesis alternative(Direction direction) {
        return switch (direction) {
            case INCREASE -> AlternativeHypothesis.GREATER_THAN;
            case DECREASE -> AlternativeHypothesis.LESS_THAN;
            case EITHER -> AlternativeHypothesis.TWO_SIDED;
        };
    }

    private static int count(double value) {
        if (!Double.isFinite(value) || value <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.round(value));
    }
}
