package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.MetricSpec;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Compares a metric's samples on each side with a two-sided Mann-Whitney U test (no assumption
 * about their distribution) and the ratio of the medians as effect size: a change counts only
 * when it is both significant and larger than the metric allows, so noise that is equal on both
 * sides passes however large it is.
 */
public final class SampleComparison {

    private SampleComparison() {}

    public static MetricOutcome compare(
            MetricSpec spec, double[] canary, double[] stable, double alpha, String canaryQuery, String stableQuery) {
        double[] c = finite(canary);
        double[] s = finite(stable);
        int min = spec.minSamplesOrDefault();
        if (c.length < min || s.length < min) {
            return MetricOutcome.noData(
                    spec,
                    String.format(
                            Locale.ROOT,
                            "too few samples to compare: canary %d, stable %d finite of %d and %d (at least %d each)",
                            c.length,
                            s.length,
                            canary.length,
                            stable.length,
                            min),
                    canaryQuery,
                    stableQuery);
        }
        double cMedian = median(c);
        double sMedian = median(s);
        SignificanceResult result = MannWhitneyUTest.withDefaults().test(c, s);
        double p = Double.isNaN(result.getPValue()) ? 1 : result.getPValue();
        Classification classification = classify(spec, cMedian, sMedian, p, alpha);
        String test = String.format(
                Locale.ROOT,
                "Mann-Whitney U=%.1f, two-sided p=%.3g over %d canary and %d stable samples; medians %s vs %s; "
                        + "a change counts beyond x%.2f and %s at alpha %.3g: %s",
                result.getStatistic(),
                p,
                c.length,
                s.length,
                Values.format(cMedian, spec.unitOrDefault()),
                Values.format(sMedian, spec.unitOrDefault()),
                spec.allowedIncreaseOrDefault(),
                Values.format(spec.minDeltaOrDefault(), spec.unitOrDefault()),
                alpha,
                classification);
        return new MetricOutcome(
                spec,
                classification,
                MetricOutcome.fails(spec, classification),
                cMedian,
                sMedian,
                p,
                test,
                canaryQuery,
                stableQuery);
    }

    /** HIGH or LOW only when significant and beyond the allowed factor and the absolute minimum. */
    static Classification classify(MetricSpec spec, double canary, double stable, double p, double alpha) {
        if (p >= alpha) {
            return Classification.PASS;
        }
        double allowed = spec.allowedIncreaseOrDefault();
        double delta = spec.minDeltaOrDefault();
        if (canary > stable * allowed && canary - stable > delta) {
            return Classification.HIGH;
        }
        if (canary < stable / allowed && stable - canary > delta) {
            return Classification.LOW;
        }
        return Classification.PASS;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
