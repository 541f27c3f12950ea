package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Ballots carry a member's policy and strength into the verdict: weight, veto right, track record. */
class BallotAggregationTest {

    private static final ToDoubleFunction<AgentFailure> NO_FAILURE_WEIGHT = f -> {
        throw new AssertionError("no failures expected, asked about " + f.agent());
    };

    private final VerdictAggregator aggregator = new VerdictAggregator(CouncilSettings.defaults());

    private static Finding vote(String agent, Decision d, int confidence) {
        return new Finding(agent, d, confidence, agent + " says " + d, List.of(), List.of());
    }

    private static Ballot ballot(Finding f, double weight, double strength, boolean mayVeto, String basis) {
        return new Ballot(f, weight, strength, mayVeto, basis);
    }

    private static final Finding PROMOTE_A = vote("logs", Decision.PROMOTE, 80);
    private static final Finding PROMOTE_B = vote("metrics", Decision.PROMOTE, 80);
    private static final Finding ROLLBACK_95 = vote("db-checker", Decision.ROLLBACK, 95);

    @Test
    void aConfidentRollbackWithoutVetoRightDoesNotVeto() {
        var o = aggregator.decide(
                List.of(Ballot.of(PROMOTE_A), Ballot.of(PROMOTE_B), ballot(ROLLBACK_95, 1.0, 95, false, null)),
                List.of(),
                NO_FAILURE_WEIGHT);
        assertFalse(o.rationale().contains("veto threshold"), o.rationale());
        assertTrue(o.rationale().contains("db-checker voted ROLLBACK (95%, no veto)"), o.rationale());
        // (80 + 80 - 95) / 3 = 21.7: neither side has its margin.
        assertEquals(Decision.INCONCLUSIVE, o.decision(), o.rationale());
        assertEquals(22, o.confidence());
    }

    @Test
    void anAbstainingMembersSilenceNeitherVotesNorLowersConfidence() {
        Finding silent = vote("migration-checker", Decision.INCONCLUSIVE, 0);
        var counted = aggregator.decide(
                List.of(Ballot.of(PROMOTE_A), Ballot.of(PROMOTE_B), new Ballot(silent, 1.0, 0, true, null, false)),
                List.of(),
                NO_FAILURE_WEIGHT);
        var abstaining = aggregator.decide(
                List.of(Ballot.of(PROMOTE_A), Ballot.of(PROMOTE_B), new Ballot(silent, 1.0, 0, true, null, true)),
                List.of(),
                NO_FAILURE_WEIGHT);
        // (80 + 80) / 3 = 53 with the silent member counted; (80 + 80) / 2 = 80 without it.
        assertEquals(53, counted.confidence(), counted.rationale());
        assertEquals(Decision.PROMOTE, abstaining.decision(), abstaining.rationale());
        assertEquals(80, abstaining.confidence(), abstaining.rationale());
        assertTrue(
                abstaining.rationale().contains("migration-checker abstained (not its domain)"),
                abstaining.rationale());
        // An abstaining member that does find something still votes in full.
        var speaking = aggregator.decide(
                List.of(Ballot.of(PROMOTE_A), Ballot.of(PROMOTE_B), new Ballot(ROLLBACK_95, 1.0, 95, true, null, true)),
                List.of(),
                NO_FAILURE_WEIGHT);
        assertEquals(Decision.ROLLBACK, speaking.decision(), speaking.rationale());
    }

    @Test
    void theSameRollbackWithVetoRightVetoes() {
        var o = aggregator.decide(
                List.of(Ballot.of(PROMOTE_A), Ballot.of(PROMOTE_B), ballot(ROLLBACK_95, 1.0, 95, true, null)),
                List.of(),
                NO_FAILURE_WEIGHT);
        assertEquals(Decision.ROLLBACK, o.decision(), o.rationale());
        assertTrue(o.rationale().contains("db-checker's rollback at 95% meets the veto threshold"), o.rationale());
        assertFalse(o.rationale().contains("no veto"), o.rationale());
    }

    @Test
    void aWeightlessBallotNeverVetoes() {
        var o = aggregator.decide(
                List.of(Ballot.of(PROMOTE_A), Ballot.of(PROMOTE_B), ballot(ROLLBACK_95, 0.0, 95, true, null)),
                List.of(),
                NO_FAILURE_WEIGHT);
        assertEquals(Decision.PROMOTE, o.decision(), o.rationale());
        assertEquals(80, o.confidence(), "a weight-0 ballot neither adds to nor dilutes the margin");
        assertTrue(o.rationale().contains("db-checker voted ROLLBACK (95%, weight 0.00)"), o.rationale());
    }

    @Test
    void strengthRatherThanConfidenceSetsTheMargin() {
        var byConfidence =
                aggregator.decide(List.of(ballot(PROMOTE_A, 1.0, 80, true, null)), List.of(), NO_FAILURE_WEIGHT);
        assertEquals(Decision.PROMOTE, byConfidence.decision());
        assertEquals(80, byConfidence.confidence());

        String basis = "track record: 30% of its PROMOTE votes right over 20 cases";
        var byRecord =
                aggregator.decide(List.of(ballot(PROMOTE_A, 1.0, 30, true, basis)), List.of(), NO_FAILURE_WEIGHT);
        assertEquals(Decision.INCONCLUSIVE, byRecord.decision(), byRecord.rationale());
        assertEquals(30, byRecord.confidence());
        assertTrue(byRecord.rationale().contains("logs voted PROMOTE (80%, " + basis + ")"), byRecord.rationale());

        var stronger = aggregator.decide(
                List.of(
                        ballot(PROMOTE_A, 1.0, 80, true, null),
                        ballot(vote("metrics", Decision.ROLLBACK, 70), 1.0, 10, true, "track record: 10%")),
                List.of(),
                NO_FAILURE_WEIGHT);
        // (80 - 10) / 2 = 35: the rollback's claimed 70 would have made it (80 - 70) / 2 = 5.
        assertEquals(35, stronger.confidence(), stronger.rationale());
    }

    @Test
    void aFailedMembersWeightLowersTheMargin() {
        List<Ballot> ballots = List.of(Ballot.of(vote("logs", Decision.PROMOTE, 90)));
        List<AgentFailure> failures = List.of(new AgentFailure("db-checker", "did not answer within 20 s"));
        Map<String, Double> weights = new java.util.HashMap<>(Map.of("db-checker", 0.0));

        var weightless = aggregator.decide(ballots, failures, f -> weights.get(f.agent()));
        assertEquals(Decision.PROMOTE, weightless.decision());
        assertEquals(90, weightless.confidence());

        weights.put("db-checker", 0.5);
        var light = aggregator.decide(ballots, failures, f -> weights.get(f.agent()));
        assertEquals(Decision.PROMOTE, light.decision());
        assertEquals(60, light.confidence(), "90 / (1 + 0.5)");

        weights.put("db-checker", 1.0);
        var full = aggregator.decide(ballots, failures, f -> weights.get(f.agent()));
        assertEquals(Decision.INCONCLUSIVE, full.decision(), full.rationale());
        assertEquals(45, full.confidence());
        assertTrue(
                full.rationale().contains("db-checker gave no finding (did not answer within 20 s)"), full.rationale());
    }

    @Test
    void theRationaleShowsWeightAndBasis() {
        var o = aggregator.decide(
                List.of(
                        Ballot.of(PROMOTE_A),
                        ballot(vote("chatty", Decision.ROLLBACK, 60), 0.25, 60, false, "read from text")),
                List.of(),
                NO_FAILURE_WEIGHT);
        assertTrue(
                o.rationale().contains("chatty voted ROLLBACK (60%, weight 0.25, read from text, no veto)"),
                o.rationale());
        assertFalse(
                o.rationale().contains("logs voted PROMOTE (80%, weight"),
                "weight 1 is not mentioned: " + o.rationale());
        // (80 - 0.25 * 60) / 1.25 = 52
        assertEquals(Decision.PROMOTE, o.decision(), o.rationale());
        assertEquals(52, o.confidence());
    }

    @Test
    void theOldDecideStillWeighsBySettings() {
        VerdictAggregator weighted = new VerdictAggregator(CouncilSettings.defaults().toBuilder()
                .vetoConfidence(80)
                .weights(Map.of("db-checker", 0.5))
                .build());
        var o = weighted.decide(List.of(PROMOTE_A), List.of(new AgentFailure("db-checker", "down")));
        // 80 / (1 + 0.5)
        assertEquals(53, o.confidence());
    }
}
