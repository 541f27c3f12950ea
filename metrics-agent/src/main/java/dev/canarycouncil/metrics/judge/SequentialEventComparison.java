package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.util.Locale;

/**
 * Compares rare events (container restarts) per pod with the rate-ratio mixture test for rare
 * events: with equal rates each event falls on the canary with probability canary pods / all pods,
 * as in {@link EventRateComparison}, but the evidence is a likelihood ratio, so it may be read at
 * every call. The ratio over the window's totals is the product of the ratios event by event (the
 * share is the same for each), so reading it at any call is reading one test martingale: its chance
 * of ever crossing 1/alpha is at most alpha however many calls read it.
 */
public final class SequentialEventComparison {

    /** Only the harm side is read; its tolerated ratio plays no part. */
    private static final double UNUSED_TOLERANCE = 1.5;

    private SequentialEventComparison() {}

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
        long c = Math.max(0, Math.round(canaryEvents));
        long s = Math.max(0, Math.round(stableEvents));
        double share = (double) canaryPods / (canaryPods + stablePods);
        RateRatioTest test = RateRatioTest.forRareEvents(UNUSED_TOLERANCE);
        test.observe(c, s, share);
        double p = test.pValue();
        double cRate = (double) c / canaryPods;
        double sRate = (double) s / stablePods;
        Classification classification = SampleComparison.classify(spec, cRate, sRate, p, alpha);
        String text = String.format(
                Locale.ROOT,
                "sequential rate-ratio test for rare events: %d of %d events on the canary, whose %d of %d pods make "
                        + "its share %.2f; evidence of harm %.3g against the boundary %.0f, always-valid p=%.3g; "
                        + "per pod %.2f vs %.2f; a change counts beyond x%.2f and %.2f at alpha %.3g: %s",
                c,
                c + s,
                canaryPods,
                canaryPods + stablePods,
                share,
                test.harm(),
                1 / alpha,
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
                text,
                canaryQuery,
                stableQuery);
    }
}
