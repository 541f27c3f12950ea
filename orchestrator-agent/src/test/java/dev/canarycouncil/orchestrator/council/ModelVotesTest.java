package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a member's model review weighs in: a lighter vote that never vetoes and never outvotes critical evidence. */
class ModelVotesTest {

    private final VerdictAggregator aggregator = new VerdictAggregator(CouncilSettings.defaults());

    private static Finding finding(
            String agent, Decision d, int confidence, List<Evidence> evidence, ModelReview review) {
        return new Finding(agent, d, confidence, agent + " says " + d, evidence, List.of(), review);
    }

    private static ModelReview review(Decision d, int confidence) {
        return new ModelReview(
                "gemini:test",
                ModelReview.Status.ANSWERED,
                d,
                confidence,
                "because",
                "none",
                new TokenUsage(1, 100, 20),
                null);
    }

    private static final PodConditionEvidence CRASH = new PodConditionEvidence(
            "canary crash-loops", Severity.CRITICAL, "web-1", "canary", "app", "CrashLoopBackOff", null, 4, 2);

    @Test
    void aModelPromoteCannotOutvoteCriticalDeterministicEvidence() {
        // A 70 % rollback alone does not veto; the crash it cites forbids a model-driven promotion all the same,
        // so the outcome is what the deterministic findings alone give.
        var alone = aggregator.decide(
                List.of(
                        finding("logs", Decision.ROLLBACK, 70, List.of(CRASH), null),
                        finding("metrics", Decision.INCONCLUSIVE, 0, List.of(), null)),
                List.of());
        var o = aggregator.decide(
                List.of(
                        finding("logs", Decision.ROLLBACK, 70, List.of(CRASH), review(Decision.PROMOTE, 100)),
                        finding("metrics", Decision.INCONCLUSIVE, 0, List.of(), review(Decision.PROMOTE, 100))),
                List.of());
        assertEquals(alone.decision(), o.decision(), o.rationale());
        assertEquals(alone.confidence(), o.confidence());
        assertTrue(o.rationale().contains("overruled"), o.rationale());
    }

    @Test
    void withoutCriticalEvidenceAModelPromoteCountsAtHalfWeight() {
        var without = aggregator.decide(
                List.of(
                        finding("logs", Decision.PROMOTE, 60, List.of(), null),
                        finding("metrics", Decision.PROMOTE, 60, List.of(), null)),
                List.of());
        var with = aggregator.decide(
                List.of(
                        finding("logs", Decision.PROMOTE, 60, List.of(), review(Decision.PROMOTE, 90)),
                        finding("metrics", Decision.PROMOTE, 60, List.of(), review(Decision.PROMOTE, 90))),
                List.of());
        assertEquals(60, without.confidence());
        // (60 + 60 + 0.5*90 + 0.5*90) / 3 = 70
        assertEquals(70, with.confidence());
    }

    @Test
    void modelsAloneCannotPromoteWhatTheEvidenceCannotDecide() {
        var o = aggregator.decide(
                List.of(
                        finding("logs", Decision.INCONCLUSIVE, 0, List.of(), review(Decision.PROMOTE, 100)),
                        finding("metrics", Decision.INCONCLUSIVE, 0, List.of(), review(Decision.PROMOTE, 100))),
                List.of());
        assertEquals(Decision.INCONCLUSIVE, o.decision(), o.rationale());
    }

    @Test
    void aModelRollbackNeverVetoes() {
        var o = aggregator.decide(
                List.of(
                        finding("logs", Decision.PROMOTE, 90, List.of(), review(Decision.ROLLBACK, 100)),
                        finding("metrics", Decision.PROMOTE, 90, List.of(), null)),
                List.of());
        // (90 + 90 - 50) / 2.5 = 52: still a promote, with less confidence.
        assertEquals(Decision.PROMOTE, o.decision(), o.rationale());
        assertEquals(52, o.confidence());
    }

    @Test
    void anUnusableReviewAddsNoWeight() {
        ModelReview failed =
                ModelReview.unusable("gemini:test", ModelReview.Status.FAILED, TokenUsage.NONE, "HTTP 500");
        var o = aggregator.decide(
                List.of(
                        finding("logs", Decision.PROMOTE, 80, List.of(), failed),
                        finding("metrics", Decision.PROMOTE, 80, List.of(), null)),
                List.of());
        assertEquals(80, o.confidence());
    }

    @Test
    void theModelWeightIsASetting() {
        var heavier = new VerdictAggregator(CouncilSettings.defaults().withModelWeight(1.0));
        var o = heavier.decide(
                List.of(finding("logs", Decision.PROMOTE, 60, List.of(), review(Decision.PROMOTE, 90))), List.of());
        assertEquals(75, o.confidence());
    }

    @Test
    void modelsCannotTipAnUndecidedCouncilIntoPromotion() {
        // The deterministic council: 85 % promote from the logs, nothing from the metrics: margin 42, INCONCLUSIVE.
        var alone = aggregator.decide(
                List.of(
                        finding("logs", Decision.PROMOTE, 85, List.of(), null),
                        finding("metrics", Decision.INCONCLUSIVE, 0, List.of(), null)),
                List.of());
        assertEquals(Decision.INCONCLUSIVE, alone.decision(), alone.rationale());
        // Two models answering PROMOTE 100 would make it (85 + 50 + 50) / 3 = 62 without the bound.
        var o = aggregator.decide(
                List.of(
                        finding("logs", Decision.PROMOTE, 85, List.of(), review(Decision.PROMOTE, 100)),
                        finding("metrics", Decision.INCONCLUSIVE, 0, List.of(), review(Decision.PROMOTE, 100))),
                List.of());
        assertEquals(Decision.INCONCLUSIVE, o.decision(), o.rationale());
        assertEquals(alone.confidence(), o.confidence());
        assertTrue(o.rationale().contains("cannot promote what the evidence engines did not"), o.rationale());
    }

    @Test
    void modelsCannotRollBackWhatTheEvidenceDoesNot() {
        var heavy = new VerdictAggregator(CouncilSettings.defaults().withModelWeight(1.0));
        // Without the bound: (0 - 100 - 100) / 4 = -50, a rollback the evidence never asked for.
        var undecided = heavy.decide(
                List.of(
                        finding("logs", Decision.INCONCLUSIVE, 0, List.of(), review(Decision.ROLLBACK, 100)),
                        finding("metrics", Decision.INCONCLUSIVE, 0, List.of(), review(Decision.ROLLBACK, 100))),
                List.of());
        assertEquals(Decision.INCONCLUSIVE, undecided.decision(), undecided.rationale());
        assertTrue(undecided.rationale().contains("can hold the canary, not roll it back"), undecided.rationale());
        // A healthy canary's promotion can be held, never turned into a rollback.
        var healthy = heavy.decide(
                List.of(finding("logs", Decision.PROMOTE, 60, List.of(), review(Decision.ROLLBACK, 100))), List.of());
        assertEquals(Decision.INCONCLUSIVE, healthy.decision(), healthy.rationale());
    }
}
