package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.MetricSpec;
import java.util.Locale;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Compares rare events (container restarts) by their count per pod over the window: with equal
 * rates, each event falls on the canary with probability canary pods / all pods, so an exact
 * binomial test says whether the canary has more than its share. Sampled per step these counts
 * are mostly zero on both sides and a rank test or a median sees nothing.
 */
public final class EventRateComparison {

    private EventRateComparison() {}

    public static MetricOutcome compare(
            MetricSpec spec,
            double canaryEvents,
            int canaryPods,
            double stableEvents,
            int stablePods,
            double alpha,
            String canaryQuery,
            String stableQuery) {
        if (canaryPods <= 0 || stablePods <= 0) {
            return MetricOutcome.noData(
                    spec,
                    "no pods to compare: canary " + canaryPods + ", stable " + stablePods,
                    canaryQuery,
                    stableQuery);
        }
        int c = (int) Math.max(0, Math.round(canaryEvents));
        int s = (int) Math.max(0, Math.round(stableEvents));
        double cRate = (double) c / canaryPods;
        double sRate = (double) s / stablePods;
        double share = (double) canaryPods / (canaryPods + stablePods);
        double p = c + s == 0
                ? 1
                : BinomialTest.withDefaults()
                        .with(ProportionComparison.alternative(spec.directionOrDefault()))
                        .test(c + s, c, share)
                        .getPValue();
        Classification classification = SampleComparison.classify(spec, cRate, sRate, p, alpha);
        String test = String.format(
                Locale.ROOT,
                "exact binomial test (%s): %d of %d events on the canary, whose %d of %d pods make its share %.2f: p=%.3g; "
                        + "per pod %.2f vs %.2f; a change counts beyond x%.2f and %.2f at alpha %.3g: %s",
                spec.directionOrDefault() == Direction.EITHER ? "two-sided" : "one-sided",
                c,
                c + s,
                canaryPods,
                canaryPods + stablePods,
                share,
                p,
                cRate,
                sRate,
                spec.allowedIncreaseOrDefault(),
                spec.minDeltaOrDefault(),
                alpha,
                classification);
        return new MetricOutcome(
                spec,
                classification,
                MetricOutcome.fails(spec, classification),
                cRate,
                sRate,
                p,
                test,
                canaryQuery,
                stableQuery);
    }
}
