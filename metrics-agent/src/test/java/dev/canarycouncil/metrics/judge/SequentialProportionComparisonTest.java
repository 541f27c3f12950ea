package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.judge.SequentialProportionComparison.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialProportionComparisonTest {

    private static final Instant T0 = Instant.parse("2026-05-05T10:00:00Z");

    private static List<Step> steady(int steps, double canaryErrors, double stableErrors) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            out.add(new Step(T0.plusSeconds(60L * (i + 1)), canaryErrors, 200, stableErrors, 800));
        }
        return out;
    }

    @Test
    void aCanaryFailingMoreThanItsStableIsHighWithItsEvidence() {
        MetricOutcome o = SequentialProportionComparison.compare(
                Specs.ratio("5xx-ratio", 1.5, 0.002), steady(20, 10, 4), 30, 0.01, "c", "s");
        assertEquals(Classification.HIGH, o.classification(), o.test());
        assertTrue(o.failed());
        assertEquals(0.05, o.canaryValue(), 1e-9);
        assertEquals(0.005, o.stableValue(), 1e-9);
        assertTrue(o.pValue() < 0.01, o.test());
        assertTrue(o.test().startsWith("sequential rate-ratio test over 20 steps of 30 s"), o.test());
        assertEquals(20, o.trace().points().size(), "the evidence after every step");
        assertEquals(100, o.trace().boundary(), 1e-9);
        assertTrue(o.trace().points().get(19).evidence() >= 100, "it ends past the boundary");
        assertTrue(
                o.trace().points().get(0).evidence()
                        < o.trace().points().get(19).evidence(),
                "and grew");
    }

    @Test
    void equalRatesPassAndNoTrafficIsNoData() {
        MetricOutcome equal = SequentialProportionComparison.compare(
                Specs.ratio("5xx-ratio", 1.5, 0.002), steady(20, 1, 4), 30, 0.01, "c", "s");
        assertEquals(Classification.PASS, equal.classification(), equal.test());
        MetricOutcome none = SequentialProportionComparison.compare(
                Specs.ratio("5xx-ratio", 1.5, 0.002), List.of(new Step(T0, 0, 0, 0, 0)), 30, 0.01, "c", "s");
        assertEquals(Classification.NODATA, none.classification(), none.test());
    }

    /**
     * An upstream incident fails 10 % of both sides' requests while the canary has half the traffic;
     * then errors fall to 0.5 % on both sides as the weight drops to 10 %. Every step has equal rates,
     * but the window's totals give the canary 5.25 % against the stable's 1.45 %: Fisher's test on
     * totals calls it HIGH (Simpson's paradox), the step-by-step test does not.
     */
    @Test
    void aTrafficMixThatShiftsDuringAnIncidentIsNotBlamedOnTheCanary() {
        List<Step> steps = List.of(
                new Step(T0.plusSeconds(60), 100, 1000, 100, 1000), new Step(T0.plusSeconds(120), 5, 1000, 45, 9000));
        MetricOutcome sequential =
                SequentialProportionComparison.compare(Specs.ratio("5xx-ratio", 1.5, 0.002), steps, 60, 0.01, "c", "s");
        assertEquals(Classification.PASS, sequential.classification(), sequential.test());
        MetricOutcome totals = ProportionComparison.compare(
                Specs.ratio("5xx-ratio", 1.5, 0.002), 105, 2000, 145, 10_000, 0.01, "c", "s");
        assertEquals(Classification.HIGH, totals.classification(), totals.test());
    }
}
