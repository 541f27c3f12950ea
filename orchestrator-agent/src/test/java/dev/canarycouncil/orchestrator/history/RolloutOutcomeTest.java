package dev.canarycouncil.orchestrator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Outcomes read from the status fields Argo Rollouts writes (status.stableRS, status.currentPodHash,
 * status.abort, status.phase and status.message as `kubectl argo rollouts get` shows them).
 */
class RolloutOutcomeTest {

    private static final String STABLE = "5f7d8c9b6";
    private static final String CANARY = "7c9d6f5b4";

    private static Optional<RolloutOutcome> outcome(RolloutOutcome.RolloutStatus now) {
        return RolloutOutcome.of(CANARY, STABLE, now).map(RolloutOutcome.Observed::outcome);
    }

    @Test
    void aCanaryStillPausedAtAStepHasNoOutcomeYet() {
        assertEquals(
                Optional.empty(),
                outcome(new RolloutOutcome.RolloutStatus("Paused", STABLE, CANARY, "CanaryPauseStep", false)));
        assertEquals(
                Optional.empty(), outcome(new RolloutOutcome.RolloutStatus("Progressing", STABLE, CANARY, "", false)));
    }

    @Test
    void theCanaryBecomingStableIsAPromotion() {
        assertEquals(
                Optional.of(RolloutOutcome.PROMOTED),
                outcome(new RolloutOutcome.RolloutStatus("Healthy", CANARY, CANARY, "", false)));
        assertEquals(Optional.of(Decision.PROMOTE), RolloutOutcome.PROMOTED.deserved());
    }

    @Test
    void anAbortOfThisCanaryIsAnAbortAndDeservedARollback() {
        RolloutOutcome.RolloutStatus aborted = new RolloutOutcome.RolloutStatus(
                "Degraded", STABLE, CANARY, "RolloutAborted: Rollout aborted update to revision 2", true);
        RolloutOutcome.Observed seen =
                RolloutOutcome.of(CANARY, STABLE, aborted).orElseThrow();
        assertEquals(RolloutOutcome.ABORTED, seen.outcome());
        assertTrue(seen.detail().contains("RolloutAborted"), seen.detail());
        assertEquals(Optional.of(Decision.ROLLBACK), RolloutOutcome.ABORTED.deserved());
        // Older controllers say it only in the message.
        assertEquals(
                Optional.of(RolloutOutcome.ABORTED),
                outcome(new RolloutOutcome.RolloutStatus(
                        "Degraded", STABLE, CANARY, "RolloutAborted: Rollout aborted update to revision 2", false)));
    }

    @Test
    void theTemplateBackOnStableIsARollbackByHand() {
        assertEquals(
                Optional.of(RolloutOutcome.ROLLED_BACK),
                outcome(new RolloutOutcome.RolloutStatus("Healthy", STABLE, STABLE, "", false)));
    }

    @Test
    void aLaterRevisionFirstSaysNothingAboutThisCanary() {
        assertEquals(
                Optional.of(RolloutOutcome.SUPERSEDED),
                outcome(new RolloutOutcome.RolloutStatus("Paused", STABLE, "9a8b7c6d5", "CanaryPauseStep", false)));
        assertEquals(
                Optional.of(RolloutOutcome.SUPERSEDED),
                outcome(new RolloutOutcome.RolloutStatus("Healthy", "9a8b7c6d5", "9a8b7c6d5", "", false)));
        assertEquals(Optional.empty(), RolloutOutcome.SUPERSEDED.deserved());
    }
}
