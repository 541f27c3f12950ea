package dev.canarycouncil.loganalyst.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.DurationUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyComparisonTest {

    /** Log-normal request times around {@code medianMs}, as services show them: a long right tail. */
    private static DurationSample requests(int n, double medianMs, long seed, DurationUnit unit) {
        SplittableRandom random = new SplittableRandom(seed);
        DurationSample sample = new DurationSample();
        for (int i = 0; i < n; i++) {
            double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            sample.add(new Elapsed(medianMs * Math.exp(0.5 * z), unit));
        }
        return sample;
    }

    private static LatencyShift shift(double canaryMedian, double stableMedian, DurationUnit unit) {
        return LatencyComparison.compare(requests(300, canaryMedian, 1, unit), requests(900, stableMedian, 2, unit))
                .orElseThrow();
    }

    @Test
    void threeTimesSlowerIsARegression() {
        LatencyShift s = shift(105, 35, DurationUnit.MILLISECONDS);
        assertTrue(LatencyComparison.slower(s), s::toString);
        assertTrue(s.ratio() > 2.5 && s.ratio() < 3.5, s::toString);
        assertTrue(s.pValue() < 1e-10, s::toString);
    }

    @Test
    void fivePercentSlowerIsNoise() {
        assertFalse(LatencyComparison.slower(shift(36.75, 35, DurationUnit.MILLISECONDS)));
    }

    @Test
    void aFasterCanaryIsNotSlower() {
        LatencyShift s = shift(12, 35, DurationUnit.MILLISECONDS);
        assertFalse(LatencyComparison.slower(s));
        assertTrue(s.pValue() > 0.5, "one-sided: " + s.pValue());
    }

    @Test
    void twiceAsSlowButByAMillisecondIsNotWorthARollback() {
        LatencyShift s = shift(2, 1, DurationUnit.MILLISECONDS);
        assertTrue(s.pValue() < 1e-10 && s.ratio() > 1.8, s::toString);
        assertFalse(LatencyComparison.slower(s), "under the 10 ms / 25 ms floors: " + s);
    }

    @Test
    void withoutAUnitOnlyTheRatioCountsSoTinyNumbersCanRegress() {
        // Zap's seconds: 0.002 against 0.001. Without the unit the floors cannot apply; both quantiles moved.
        assertTrue(LatencyComparison.slower(shift(0.002, 0.001, DurationUnit.UNSTATED)));
    }

    @Test
    void tooFewDurationsOrMixedUnitsAreNotCompared() {
        assertTrue(LatencyComparison.compare(
                        requests(29, 100, 1, DurationUnit.MILLISECONDS),
                        requests(900, 10, 2, DurationUnit.MILLISECONDS))
                .isEmpty());
        assertTrue(LatencyComparison.compare(
                        requests(300, 100, 1, DurationUnit.UNSTATED), requests(900, 10, 2, DurationUnit.MILLISECONDS))
                .isEmpty());
    }

    @Test
    void quantilesInterpolateBetweenRanks() {
        double[] sorted = {10, 20, 30, 40, 50};
        assertEquals(30, LatencyComparison.quantile(sorted, 0.5));
        assertEquals(48, LatencyComparison.quantile(sorted, 0.95), 1e-9);
    }
}
