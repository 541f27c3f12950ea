package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictAggregatorTest {

    private final VerdictAggregator aggregator = new VerdictAggregator(CouncilSettings.defaults());

    private static Finding vote(String agent, Decision d, int confidence) {
        return new Finding(agent, d, confidence, agent + " says " + d, List.of(), List.of());
    }

    @Test
    void agreeingPromotesGiveAPromoteWithTheirConfidence() {
        var o = aggregator.decide(
                List.of(vote("logs", Decision.PROMOTE, 70), vote("metrics", Decision.PROMOTE, 80)), List.of());
        assertEquals(Decision.PROMOTE, o.decision());
        assertEquals(75, o.confidence());
    }

    @Test
    void aConfidentRollbackVetoesPromotion() {
        var o = aggregator.decide(
                List.of(
                        vote("logs", Decision.ROLLBACK, 90),
                        vote("metrics", Decision.PROMOTE, 85),
                        vote("traces", Decision.PROMOTE, 85)),
                List.of());
        assertEquals(Decision.ROLLBACK, o.decision());
        assertTrue(
                o.confidence() >= 80 && o.confidence() < 90,
                "a strong opposing vote lowers the veto's confidence: " + o.confidence());
        assertTrue(o.rationale().contains("veto"));
    }

    @Test
    void aFailedMemberLowersConfidenceAndIsNamed() {
        List<Finding> two = List.of(vote("logs", Decision.PROMOTE, 90), vote("metrics", Decision.PROMOTE, 90));
        var complete = aggregator.decide(two, List.of());
        var withFailure = aggregator.decide(two, List.of(new AgentFailure("traces", "did not answer within 90 s")));
        assertEquals(Decision.PROMOTE, complete.decision());
        assertEquals(90, complete.confidence());
        assertEquals(Decision.PROMOTE, withFailure.decision());
        assertEquals(60, withFailure.confidence());
        assertTrue(withFailure.rationale().contains("traces gave no finding (did not answer within 90 s)"));
    }

    @Test
    void halfTheCouncilMissingTurnsAWeakPromoteIntoInconclusive() {
        var o = aggregator.decide(
                List.of(vote("logs", Decision.PROMOTE, 70)),
                List.of(new AgentFailure("metrics", "connection refused or unreachable")));
        assertEquals(Decision.INCONCLUSIVE, o.decision());
    }

    @Test
    void noUsableEvidenceIsInconclusiveNeverPromote() {
        assertEquals(
                Decision.INCONCLUSIVE,
                aggregator
                        .decide(
                                List.of(),
                                List.of(new AgentFailure("logs", "down"), new AgentFailure("metrics", "down")))
                        .decision());
        var abstaining = aggregator.decide(
                List.of(vote("logs", Decision.INCONCLUSIVE, 0), vote("metrics", Decision.INCONCLUSIVE, 0)), List.of());
        assertEquals(Decision.INCONCLUSIVE, abstaining.decision());
        assertEquals(0, abstaining.confidence());
        assertEquals(
                Decision.INCONCLUSIVE, aggregator.decide(List.of(), List.of()).decision());
    }

    @Test
    void disagreementBelowTheVetoIsInconclusive() {
        var o = aggregator.decide(
                List.of(vote("logs", Decision.ROLLBACK, 75), vote("metrics", Decision.PROMOTE, 70)), List.of());
        assertEquals(Decision.INCONCLUSIVE, o.decision());
        assertTrue(o.rationale().contains("below the"));
    }

    @Test
    void weightsShiftTheBalance() {
        VerdictAggregator weighted = new VerdictAggregator(CouncilSettings.defaults().toBuilder()
                .vetoConfidence(95)
                .weights(Map.of("metrics", 3.0))
                .build());
        var o = weighted.decide(
                List.of(vote("logs", Decision.PROMOTE, 70), vote("metrics", Decision.ROLLBACK, 90)), List.of());
        assertEquals(Decision.ROLLBACK, o.decision());
    }
}
