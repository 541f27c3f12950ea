package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.judge.SequentialSampleComparison.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SequentialSampleComparisonTest {

    private static final Instant T0 = Instant.parse("2026-05-05T10:00:00Z");

    private static List<Step> steps(int n, IntFunction<double[]> values) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = values.apply(i);
            out.add(new Step(T0.plusSeconds(60L * (i + 1)), v[0], v[1]));
        }
        return out;
    }

    private static MetricOutcome compare(Direction direction, List<Step> steps) {
        return SequentialSampleComparison.compare(
                Specs.samples("latency-p95", direction, 1.5, 0.025), steps, 60, 0.01, "c", "s");
    }

    @Test
    void aCanarySlowerAtEveryStepFailsOnceTheStepsAreEnoughAndNotBefore() {
        int needed = SequentialSampleComparison.stepsToDecide(0.01, Direction.INCREASE);
        // Load swings both sides together; the canary is twice as slow at every step.
        IntFunction<double[]> slower = i -> {
            double load = 0.1 * (1 + 0.5 * Math.sin(i));
            return new double[] {2 * load, load};
        };
        MetricOutcome early = compare(Direction.INCREASE, steps(needed - 1, slower));
        assertEquals(Classification.PASS, early.classification(), early.test());
        MetricOutcome enough = compare(Direction.INCREASE, steps(needed, slower));
        assertEquals(Classification.HIGH, enough.classification(), enough.test());
        assertTrue(enough.failed());
        assertTrue(enough.pValue() < 0.01, enough.test());
        assertEquals(needed, enough.trace().points().size());
        assertTrue(enough.test().contains("higher " + needed + ", lower 0"), enough.test());
        assertTrue(
                enough.trace().points().get(needed - 2).evidence() < 100
                        && enough.trace().points().get(needed - 1).evidence() >= 100,
                "crosses the boundary at the last step");
    }

    @Test
    void theStepsNeededFollowFromAlphaAndEitherDirectionNeedsOneMore() {
        int increase = SequentialSampleComparison.stepsToDecide(0.01, Direction.INCREASE);
        assertTrue(increase >= 7, "a step counts at most double: 2^6 < 100");
        assertEquals(increase + 1, SequentialSampleComparison.stepsToDecide(0.01, Direction.EITHER));
        assertTrue(SequentialSampleComparison.stepsToDecide(0.05, Direction.INCREASE) < increase);
    }

    @Test
    void significanceAloneDoesNotFailAChangeWithinWhatTheMetricAllows() {
        MetricOutcome o = compare(Direction.INCREASE, steps(30, i -> new double[] {0.110, 0.100}));
        assertTrue(o.pValue() < 0.01, o.test());
        assertEquals(Classification.PASS, o.classification(), "x1.1 is within x1.5: " + o.test());
    }

    @Test
    void theDirectionDecidesWhichChangeFails() {
        List<Step> faster = steps(30, i -> new double[] {0.05, 0.2});
        assertFalse(compare(Direction.INCREASE, faster).failed(), "faster is no regression");
        assertEquals(Classification.PASS, compare(Direction.INCREASE, faster).classification());
        assertTrue(compare(Direction.DECREASE, faster).failed());
        assertTrue(compare(Direction.EITHER, faster).failed());
        assertEquals(200, compare(Direction.EITHER, faster).trace().boundary(), 1e-9, "alpha halved each way");
    }

    @Test
    void stepsWithoutAValueOnBothSidesAreLeftOutAndTooFewAreNoData() {
        List<Step> gaps = steps(12, i -> new double[] {i % 3 == 0 ? Double.NaN : 0.3, 0.1});
        MetricOutcome o = compare(Direction.INCREASE, gaps);
        assertTrue(o.test().startsWith("sign test, 8 paired 60 s steps"), o.test());
        assertEquals(8, o.trace().points().size());
        MetricOutcome none = compare(Direction.INCREASE, steps(5, i -> new double[] {Double.NaN, 0.1}));
        assertEquals(Classification.NODATA, none.classification(), none.test());
    }

    @Test
    void tiesCountForNeither() {
        MetricOutcome o = compare(Direction.INCREASE, steps(40, i -> new double[] {0.1, 0.1}));
        assertEquals(1.0, o.pValue(), 1e-12);
        assertTrue(o.test().contains("tied 40"), o.test());
    }
}
