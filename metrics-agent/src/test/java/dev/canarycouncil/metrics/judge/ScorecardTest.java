package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.config.MetricSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static MetricOutcome outcome(MetricSpec spec, Classification c) {
        return new MetricOutcome(spec, c, MetricOutcome.fails(spec, c), 1.0, 1.0, 0.5, "t", "c", "s");
    }

    private static final MetricSet SET =
            new MetricSet(List.of(), Map.of("errors", 3.0, "latency", 1.0), null, null, null, null, null, null);

    @Test
    void groupsScoreTheShareOfTheirMetricsThatPassAndAreWeighted() {
        List<MetricOutcome> outcomes = List.of(
                outcome(Specs.grouped("5xx", "errors", false), Classification.PASS),
                outcome(Specs.grouped("p50", "latency", false), Classification.HIGH),
                outcome(Specs.grouped("p99", "latency", false), Classification.PASS));
        Scorecard card = Scorecard.of(outcomes, SET);
        assertEquals(100, card.groupScores().get("errors"));
        assertEquals(50, card.groupScores().get("latency"));
        assertEquals((3 * 100 + 1 * 50) / 4.0, card.score(), 1e-9);
    }

    @Test
    void metricsWithoutDataCountNowhere() {
        List<MetricOutcome> outcomes = List.of(
                outcome(Specs.grouped("5xx", "errors", false), Classification.NODATA),
                outcome(Specs.grouped("p50", "latency", false), Classification.PASS));
        Scorecard card = Scorecard.of(outcomes, SET);
        assertEquals(100, card.score(), 1e-9, "the errors group has no data, so only latency weighs");
        assertEquals(1, card.withData());
        assertTrue(Double.isNaN(Scorecard.of(
                        List.of(outcome(Specs.grouped("x", "errors", false), Classification.NODATA)), SET)
                .score()));
    }

    @Test
    void aLowValueIsNoFailureWhenOnlyAnIncreaseIsBad() {
        Scorecard card =
                Scorecard.of(List.of(outcome(Specs.grouped("p50", "latency", false), Classification.LOW)), SET);
        assertEquals(100, card.score(), 1e-9);
    }
}
