package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.config.Direction;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleComparisonTest {

    private static double[] noisy(long seed, int n, double mean, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + spread * (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static MetricOutcome compare(Direction direction, double[] canary, double[] stable) {
        return SampleComparison.compare(
                Specs.samples("latency", direction, 1.2, 0.005), canary, stable, 0.01, "c", "s");
    }

    @Test
    void aClearIncreaseIsHighAndFailsWhenIncreaseIsBad() {
        MetricOutcome o = compare(Direction.INCREASE, noisy(1, 30, 0.200, 0.02), noisy(2, 30, 0.100, 0.01));
        assertEquals(Classification.HIGH, o.classification());
        assertTrue(o.failed());
        assertTrue(o.pValue() < 1e-6, o.test());
        assertEquals(0.2, o.canaryValue(), 0.02);
        assertTrue(o.test().startsWith("Mann-Whitney U="), o.test());
    }

    @Test
    void aDecreaseFailsOnlyWhereTheDirectionForbidsIt() {
        double[] canary = noisy(3, 30, 50, 5);
        double[] stable = noisy(4, 30, 100, 5);
        assertEquals(
                Classification.LOW, compare(Direction.INCREASE, canary, stable).classification());
        assertFalse(compare(Direction.INCREASE, canary, stable).failed(), "lower latency is no regression");
        assertTrue(compare(Direction.DECREASE, canary, stable).failed());
        assertTrue(compare(Direction.EITHER, canary, stable).failed());
    }

    @Test
    void noiseThatIsEqualOnBothSidesPassesHoweverLargeItIs() {
        int high = 0;
        for (int seed = 0; seed < 50; seed++) {
            MetricOutcome o = compare(Direction.EITHER, noisy(seed, 21, 0.1, 0.09), noisy(1000 + seed, 21, 0.1, 0.09));
            high += o.failed() ? 1 : 0;
        }
        assertEquals(0, high, "equal noisy sides must not fail");
    }

    @Test
    void aSignificantChangeWithinTheAllowedFactorPasses() {
        MetricOutcome o = compare(Direction.INCREASE, noisy(5, 40, 0.110, 0.001), noisy(6, 40, 0.100, 0.001));
        assertTrue(o.pValue() < 1e-6, "the 10 % shift is significant");
        assertEquals(Classification.PASS, o.classification(), "but within the allowed x1.2");
    }

    @Test
    void tooFewFiniteSamplesIsNoDataSayingHowMany() {
        double[] canary = new double[21];
        Arrays.fill(canary, Double.NaN);
        canary[0] = 1;
        canary[1] = 2;
        MetricOutcome o = compare(Direction.INCREASE, canary, noisy(7, 21, 1, 0.1));
        assertEquals(Classification.NODATA, o.classification());
        assertNull(o.pValue());
        assertTrue(o.test().contains("canary 2, stable 21 finite of 21 and 21 (at least 10 each)"), o.test());
    }

    @Test
    void identicalConstantSidesPass() {
        double[] zeros = new double[20];
        MetricOutcome o = compare(Direction.INCREASE, zeros, zeros.clone());
        assertEquals(Classification.PASS, o.classification(), o.test());
    }
}
