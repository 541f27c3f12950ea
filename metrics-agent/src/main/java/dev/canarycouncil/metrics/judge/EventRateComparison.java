package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.util.Locale;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Compares rare events (container restarts) by their count per pod over the window: with equal
 * rates, each event falls on the canary with probability canary pods / all pods. Sampled per step
 * these counts are mostly zero on both sides and a rank test or a median sees nothing.
 *
 * <p>Two tests of that share: the exact binomial test, for one look at a window ({@link #exact});
 * and the rate-ratio mixture for rare events ({@link #sequential}), whose evidence is a likelihood
 * ratio and may be read at every call. The ratio over the window's totals is the product of the
 * ratios event by event (the share is the same for each), so reading it at any call is reading one
 * test martingale: its chance of ever crossing 1/alpha is at most alpha however many calls read it.
 */
public final class EventRateComparison {

    /** Only the harm side of the mixture is read; its tolerated ratio plays no part. */
    private static final double UNUSED_TOLERANCE = 1.5;

    /**
     * One side's events and pods against the other's.
     *
     * @param canaryEvents the canary's events over the window (an increase, so possibly fractional)
     */
    public record Counts(double canaryEvents, int canaryPods, double stableEvents, int stablePods) {

        long canary() {
            return Math.max(0, Math.round(canaryEvents));
        }

        long stable() {
            return Math.max(0, Math.round(stableEvents));
        }

        double share() {
            return (double) canaryPods / (canaryPods + stablePods);
        }

        double canaryRate() {
            return (double) canary() / canaryPods;
        }

        double stableRate() {
            return (double) stable() / stablePods;
        }
    }

    private EventRateComparison() {}

    /** The exact binomial test (one-sided in the forbidden direction, two-sided for either). */
    public static MetricOutcome exact(MetricSpec spec, Counts n, double alpha, String canaryQuery, String stableQuery) {
        if (n.canaryPods() <= 0 || n.stablePods() <= 0) {
            return noPods(spec, n, canaryQuery, stableQuery);
        }
        long c = n.canary();
        long s = n.stable();
        double p = c + s == 0
                ? 1
                : BinomialTest.withDefaults()
                        .with(ProportionComparison.alternative(spec.directionOrDefault()))
                        .test((int) (c + s), (int) c, n.share())
                        .getPValue();
        String how = String.format(
                Locale.ROOT,
                "exact binomial test (%s): %d of %d events on the canary, whose %d of %d pods make its share %.2f: p=%.3g",
                spec.directionOrDefault() == Direction.EITHER ? "two-sided" : "one-sided",
                c,
                c + s,
                n.canaryPods(),
                n.canaryPods() + n.stablePods(),
                n.share(),
                p);
        return outcome(spec, n, p, alpha, how, canaryQuery, stableQuery);
    }

    /** The rate-ratio test for rare events, on the window's totals: valid however often it is read. */
    public static MetricOutcome sequential(
            MetricSpec spec, Counts n, double alpha, String canaryQuery, String stableQuery) {
        if (n.canaryPods() <= 0 || n.stablePods() <= 0) {
            return noPods(spec, n, canaryQuery, stableQuery);
        }
        RateRatioTest test = RateRatioTest.forRareEvents(UNUSED_TOLERANCE);
        test.observe(n.canary(), n.stable(), n.share());
        String how = String.format(
                Locale.ROOT,
                "rare-event mixture test: %d of %d events on the canary, whose %d of %d pods make its share %.2f:"
                        + " always-valid p=%.3g",
                n.canary(),
                n.canary() + n.stable(),
                n.canaryPods(),
                n.canaryPods() + n.stablePods(),
                n.share(),
                test.pValue());
        return outcome(spec, n, test.pValue(), alpha, how, canaryQuery, stableQuery);
    }

    private static MetricOutcome outcome(
            MetricSpec spec, Counts n, double p, double alpha, String how, String canaryQuery, String stableQuery) {
        Classification classification = SampleComparison.classify(spec, n.canaryRate(), n.stableRate(), p, alpha);
        String test = String.format(
                Locale.ROOT,
                "%s; per pod %.2f vs %.2f; a change counts beyond x%.2f and %.2f at alpha %.3g: %s",
                how,
                n.canaryRate(),
                n.stableRate(),
                spec.allowedIncreaseOrDefault(),
                spec.minDeltaOrDefault(),
                alpha,
                classification);
        return new MetricOutcome(
                spec,
                classification,
                MetricOutcome.fails(spec, classification),
                n.canaryRate(),
                n.stableRate(),
                p,
                test,
                canaryQuery,
                stableQuery);
    }

    private static MetricOutcome noPods(MetricSpec spec, Counts n, String canaryQuery, String stableQuery) {
        return MetricOutcome.noData(
                spec,
                "no pods to compare: canary " + n.canaryPods() + ", stable " + n.stablePods(),
                canaryQuery,
                stableQuery);
    }
}
