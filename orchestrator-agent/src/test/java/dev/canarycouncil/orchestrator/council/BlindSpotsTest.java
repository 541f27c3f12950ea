package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the council could not see: a member without a source abstains, and the verdict names and caps it. */
class BlindSpotsTest {

    private final VerdictAggregator aggregator = new VerdictAggregator(CouncilSettings.defaults());

    private static final Finding NO_METRICS = new Finding(
            "metrics-agent",
            Decision.INCONCLUSIVE,
            0,
            "No metrics source is configured.",
            List.of(),
            List.of(),
            null,
            List.of(BlindSpot.of(
                    BlindSpot.Kind.NOT_CONFIGURED,
                    "metrics",
                    "no metrics source is configured (give --prometheus-url)")));

    private static Finding logs(Decision d, int confidence) {
        return new Finding("log-analyst", d, confidence, "logs say " + d, List.of(), List.of());
    }

    @Test
    void aMemberWithoutASourceAbstainsAndTheConfidenceIsCapped() {
        var o = aggregator.decide(List.of(logs(Decision.PROMOTE, 85), NO_METRICS), List.of());
        // Counted, the silent metrics agent would leave 85 / 2 = 42: INCONCLUSIVE for every healthy canary.
        assertEquals(Decision.PROMOTE, o.decision(), o.rationale());
        assertEquals(VerdictAggregator.MAX_CONFIDENCE_WITH_A_SOURCE_MISSING, o.confidence());
        assertTrue(o.rationale().contains("metrics-agent abstained"), o.rationale());
        assertTrue(o.rationale().contains("Not seen: metrics: no metrics source is configured"), o.rationale());
        assertTrue(o.rationale().contains("decided without metrics"), o.rationale());
    }

    @Test
    void aRollbackWithoutMetricsStaysARollback() {
        var o = aggregator.decide(List.of(logs(Decision.ROLLBACK, 95), NO_METRICS), List.of());
        assertEquals(Decision.ROLLBACK, o.decision(), o.rationale());
        assertEquals(VerdictAggregator.MAX_CONFIDENCE_WITH_A_SOURCE_MISSING, o.confidence());
    }

    @Test
    void withoutMetricsAndWithoutReadableLogsNothingIsPromoted() {
        Finding blind = new Finding(
                "log-analyst",
                Decision.INCONCLUSIVE,
                0,
                "Cannot judge the logs",
                List.of(),
                List.of(),
                null,
                List.of(new BlindSpot(
                        BlindSpot.Kind.UNREADABLE,
                        "canary logs",
                        "1,180 of 1,200 lines are in no known format",
                        List.of("<<weird>> line"))));
        var o = aggregator.decide(List.of(blind, NO_METRICS), List.of());
        assertEquals(Decision.INCONCLUSIVE, o.decision(), o.rationale());
        assertTrue(
                o.rationale().contains("canary logs: 1,180 of 1,200 lines are in no known format (log-analyst)"),
                o.rationale());
    }

    @Test
    void aSourceWithNoDataForTheCanaryIsNoAbstention() {
        Finding noSeries = new Finding(
                "metrics-agent",
                Decision.INCONCLUSIVE,
                0,
                "No series for the canary",
                List.of(),
                List.of(),
                null,
                List.of(BlindSpot.of(BlindSpot.Kind.NO_DATA, "metrics", "no preset has series for this canary")));
        var o = aggregator.decide(List.of(logs(Decision.PROMOTE, 85), noSeries), List.of());
        assertEquals(
                Decision.INCONCLUSIVE,
                o.decision(),
                "a configured source that shows nothing still counts: " + o.rationale());
        assertFalse(o.rationale().contains("abstained"), o.rationale());
    }
}
