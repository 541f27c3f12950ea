package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.runtime.schema.SequentialTrace;
import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a sampled metric measured per step (latency quantiles, CPU rate: each step's value
 * from that step's requests only) with a sequential sign test on the steps paired by time: a step
 * where the canary is higher counts for "higher", one where it is lower for "lower", ties for
 * neither. If the release changed nothing, canary and stable are alike at each step, so each
 * untied step goes either way with even chances whatever the load does to both, and the mixture
 * test's p-value stays valid however often a controller reads it (the same test as the error
 * ratio's, {@link RateRatioTest}, at an even share).
 *
 * <p>No distribution is assumed, so a step counts at most double: with alpha 0.01 the test needs
 * {@link #stepsToDecide(double, Direction)} steps all one way before it can fail a metric.
 * Classification is {@link SampleComparison}'s: significant, and the medians of the steps apart by
 * more than the metric allows.
 */
public final class SequentialSampleComparison {

    /** Only the harm side of the sign test is read; its tolerated ratio plays no part. */
    private static final double UNUSED_TOLERANCE = 1.5;

    /** An untied step goes either way with even chances when nothing changed. */
    private static final double EVEN = 0.5;

    /** One step's value on each side, the step ending {@code at}; NaN where a side had none. */
    public record Step(Instant at, double canary, double stable) {

        /** Whether both sides had a value: only such steps are compared. */
        public boolean paired() {
            return Double.isFinite(canary) && Double.isFinite(stable);
        }
    }

    /** Which test a call makes of a per-interval metric, from the steps its window holds. */
    public enum Phase {
        /** The window is shorter than the steps the sign test needs: Mann-Whitney, at an early alpha. */
        EARLY,
        /** The window is long enough but too few of its steps have both sides: Mann-Whitney, at alpha. */
        SPARSE,
        /** The sign test. */
        SEQUENTIAL;

        /**
         * @param windowSteps the steps the window holds
         * @param needed      {@link #stepsToDecide}
         */
        public static Phase of(long paired, long windowSteps, int needed) {
            if (paired >= needed) {
                return SEQUENTIAL;
            }
            return windowSteps < needed ? EARLY : SPARSE;
        }
    }

    /** The steps with a value on both sides. */
    public static long paired(List<Step> steps) {
        return steps.stream().filter(Step::paired).count();
    }

    private SequentialSampleComparison() {}

    public static MetricOutcome compare(
            MetricSpec spec, List<Step> steps, long stepSeconds, double alpha, String canaryQuery, String stableQuery) {
        Direction direction = spec.directionOrDefault();
        double boundary = boundary(alpha, direction);
        RateRatioTest higher = new RateRatioTest(UNUSED_TOLERANCE);
        RateRatioTest lower = new RateRatioTest(UNUSED_TOLERANCE);
        List<Double> canaryValues = new ArrayList<>();
        List<Double> stableValues = new ArrayList<>();
        List<SequentialTrace.Point> trace = new ArrayList<>();
        for (Step s : steps) {
            if (!s.paired()) {
                continue;
            }
            canaryValues.add(s.canary());
            stableValues.add(s.stable());
            int sign = Double.compare(s.canary(), s.stable());
            if (sign != 0) {
                higher.observe(sign > 0 ? 1 : 0, sign < 0 ? 1 : 0, EVEN);
                lower.observe(sign < 0 ? 1 : 0, sign > 0 ? 1 : 0, EVEN);
            }
            trace.add(new SequentialTrace.Point(s.at(), evidence(direction, higher, lower)));
        }
        int paired = canaryValues.size();
        if (paired < 2) {
            return MetricOutcome.noData(
                    spec,
                    String.format(
                            Locale.ROOT,
                            "too few steps with a value on both sides to compare: %d of %d steps of %d s",
                            paired,
                            steps.size(),
                            stepSeconds),
                    canaryQuery,
                    stableQuery);
        }
        double cMedian = SampleComparison.median(unbox(canaryValues));
        double sMedian = SampleComparison.median(unbox(stableValues));
        double p = pValue(direction, higher, lower);
        Classification classification = SampleComparison.classify(spec, cMedian, sMedian, p, alpha);
        long up = higher.canaryEvents();
        long down = higher.stableEvents();
        String text = String.format(
                Locale.ROOT,
                "sign test, %d paired %d s steps: higher %d, lower %d, tied %d; always-valid p=%.3g; medians %s vs"
                        + " %s; a change counts beyond x%.2f and %s at alpha %.3g: %s",
                paired,
                stepSeconds,
                up,
                down,
                paired - up - down,
                p,
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
                text,
                canaryQuery,
                stableQuery,
                new SequentialTrace(boundary, trace));
    }

    /**
     * The fewest steps after which the test can fail a metric: every one of them one way. Fewer
     * cannot show a change at {@code alpha}, however large.
     */
    public static int stepsToDecide(double alpha, Direction direction) {
        double boundary = boundary(alpha, direction);
        RateRatioTest test = new RateRatioTest(UNUSED_TOLERANCE);
        int steps = 0;
        while (test.harm() < boundary) {
            test.observe(1, 0, EVEN);
            steps++;
        }
        return steps;
    }

    /** Either way is watched at half the alpha each, so that the two together keep it. */
    private static double boundary(double alpha, Direction direction) {
        return direction == Direction.EITHER ? 2 / alpha : 1 / alpha;
    }

    private static double evidence(Direction direction, RateRatioTest higher, RateRatioTest lower) {
        return switch (direction) {
            case INCREASE -> higher.harm();
            case DECREASE -> lower.harm();
            case EITHER -> Math.max(higher.harm(), lower.harm());
        };
    }

    private static double pValue(Direction direction, RateRatioTest higher, RateRatioTest lower) {
        return switch (direction) {
            case INCREASE -> higher.pValue();
            case DECREASE -> lower.pValue();
            case EITHER -> Math.min(1, 2 * Math.min(higher.pValue(), lower.pValue()));
        };
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
