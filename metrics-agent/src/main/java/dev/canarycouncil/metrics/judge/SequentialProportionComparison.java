package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.runtime.schema.SequentialTrace;
import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a ratio of counters (errors over requests) step by step since the canary started, with
 * the sequential rate-ratio test: its p-value stays valid however often a controller calls, so
 * reading it at every call raises false alarms no higher than alpha (Fisher's test read at every call
 * would). The classification is the same as {@link ProportionComparison}'s: significant, beyond the
 * allowed factor and beyond the minimum delta.
 */
public final class SequentialProportionComparison {

    /** The least ratio the safety side of the test can tolerate; a metric allowing less is tested against this. */
    private static final double LEAST_TOLERATED = 1.05;

    /** One step's increases of the numerator and the denominator on each side, the step ending {@code at}. */
    public record Step(Instant at, double canaryEvents, double canaryTotal, double stableEvents, double stableTotal) {}

    private SequentialProportionComparison() {}

    public static MetricOutcome compare(
            MetricSpec spec, List<Step> steps, long stepSeconds, double alpha, String canaryQuery, String stableQuery) {
        RateRatioTest test = new RateRatioTest(Math.max(LEAST_TOLERATED, spec.allowedIncreaseOrDefault()));
        long ce = 0;
        long ct = 0;
        long se = 0;
        long st = 0;
        int used = 0;
        List<SequentialTrace.Point> trace = new ArrayList<>();
        for (Step s : steps) {
            long cTotal = count(s.canaryTotal());
            long sTotal = count(s.stableTotal());
            long cEvents = Math.min(count(s.canaryEvents()), cTotal);
            long sEvents = Math.min(count(s.stableEvents()), sTotal);
            ct += cTotal;
            st += sTotal;
            ce += cEvents;
            se += sEvents;
            if (cTotal > 0 && sTotal > 0) {
                test.observe(cEvents, sEvents, (double) cTotal / (cTotal + sTotal));
                used++;
            }
            trace.add(new SequentialTrace.Point(s.at(), test.harm()));
        }
        if (ct == 0 || st == 0) {
            return MetricOutcome.noData(
                    spec,
                    String.format(
                            Locale.ROOT,
                            "no denominator to compare over %d steps: canary total %d, stable total %d",
                            steps.size(),
                            ct,
                            st),
                    canaryQuery,
                    stableQuery);
        }
        double cRatio = (double) ce / ct;
        double sRatio = (double) se / st;
        double p = test.pValue();
        Classification classification = SampleComparison.classify(spec, cRatio, sRatio, p, alpha);
        String text = String.format(
                Locale.ROOT,
                "sequential rate-ratio test over %d steps of %d s since the canary started (%d with traffic on both "
                        + "sides): %d of %d canary vs %d of %d stable; evidence of harm %.3g against the boundary %.0f, "
                        + "always-valid p=%.3g; ratios %s vs %s; a change counts beyond x%.2f and %s at alpha %.3g: %s",
                steps.size(),
                stepSeconds,
                used,
                ce,
                ct,
                se,
                st,
                test.harm(),
                1 / alpha,
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
                text,
                canaryQuery,
                stableQuery,
                new SequentialTrace(1 / alpha, trace));
    }

    private static long count(double value) {
        return !Double.isFinite(value) || value <= 0 ? 0 : Math.round(value);
    }
}
