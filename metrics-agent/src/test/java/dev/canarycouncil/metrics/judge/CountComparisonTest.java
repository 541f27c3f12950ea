package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.config.Direction;
import org.junit.jupiter.api.Test;

/** Ratios and rare events are compared by their totals, where per-step samples see nothing. */
class CountComparisonTest {

    @Test
    void sparseErrorsFailByTheirTotalsWhereAPerStepRankTestPassesThem() {
        // Canary: 6 errors in 1,000 requests, spread over 3 of 20 steps; stable: none in 9,000.
        MetricOutcome totals =
                ProportionComparison.compare(Specs.ratio("5xx-ratio", 1.5, 0.002), 6, 1000, 0, 9000, 0.01, "c", "s");
        assertEquals(Classification.HIGH, totals.classification(), totals.test());
        assertTrue(totals.failed());

        double[] canarySteps = new double[20];
        canarySteps[3] = 0.04;
        canarySteps[9] = 0.04;
        canarySteps[15] = 0.04;
        MetricOutcome perStep = SampleComparison.compare(
                Specs.samples("5xx-ratio", Direction.INCREASE, 1.5, 0.002),
                canarySteps,
                new double[20],
                0.01,
                "c",
                "s");
        assertEquals(Classification.PASS, perStep.classification(), "Kayenta's way misses it: " + perStep.test());
    }

    @Test
    void equalErrorRatesPass() {
        MetricOutcome o = ProportionComparison.compare(
                Specs.ratio("5xx-ratio", 1.5, 0.002), 30, 10_000, 140, 50_000, 0.01, "c", "s");
        assertEquals(Classification.PASS, o.classification(), o.test());
    }

    @Test
    void noDenominatorIsNoData() {
        MetricOutcome o =
                ProportionComparison.compare(Specs.ratio("5xx-ratio", 1.5, 0.002), 0, 0, 3, 1000, 0.01, "c", "s");
        assertEquals(Classification.NODATA, o.classification());
        assertTrue(o.test().contains("canary total 0"), o.test());
    }

    @Test
    void extrapolatedCountsAboveTheirTotalAreClamped() {
        MetricOutcome o = ProportionComparison.compare(
                Specs.ratio("5xx-ratio", 1.5, 0.002), 1004.6, 1000.2, 0, 5000, 0.01, "c", "s");
        assertEquals(1.0, o.canaryValue(), 1e-9);
        assertEquals(Classification.HIGH, o.classification());
    }

    @Test
    void restartsOnTheCanaryOnlyAreMoreThanItsShare() {
        MetricOutcome o = EventRateComparison.exact(
                Specs.events("restarts"), new EventRateComparison.Counts(4, 1, 0, 3), 0.01, "c", "s");
        assertEquals(Classification.HIGH, o.classification(), o.test());
        assertTrue(o.failed());
        assertEquals(4.0, o.canaryValue());
    }

    @Test
    void restartsInProportionToPodsPass() {
        assertEquals(
                Classification.PASS,
                EventRateComparison.exact(
                                Specs.events("restarts"), new EventRateComparison.Counts(1, 1, 3, 3), 0.01, "c", "s")
                        .classification());
        assertEquals(
                Classification.PASS,
                EventRateComparison.exact(
                                Specs.events("restarts"), new EventRateComparison.Counts(0, 2, 0, 3), 0.01, "c", "s")
                        .classification());
        assertEquals(
                Classification.NODATA,
                EventRateComparison.exact(
                                Specs.events("restarts"), new EventRateComparison.Counts(1, 0, 0, 3), 0.01, "c", "s")
                        .classification());
    }
}
