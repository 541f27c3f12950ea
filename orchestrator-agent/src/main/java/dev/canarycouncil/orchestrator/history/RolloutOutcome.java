package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.Optional;

/**
 * What became of an analysed canary, as its Argo Rollout showed afterwards. The decision a canary
 * turned out to deserve is what production says about the verdict: a promoted canary that stayed
 * was fit to promote; one that was aborted or rolled back by hand was not. A canary replaced by a
 * later revision before either says nothing.
 */
public enum RolloutOutcome {
    /** The canary became the stable revision ({@code status.stableRS}). */
    PROMOTED(Optional.of(Decision.PROMOTE)),
    /** The rollout was aborted ({@code RolloutAborted}): by an analysis, the council's or another, or a person. */
    ABORTED(Optional.of(Decision.ROLLBACK)),
    /** The template went back to the stable revision while the canary ran ({@code kubectl argo rollouts undo}). */
    ROLLED_BACK(Optional.of(Decision.ROLLBACK)),
    /** A later revision replaced the canary before it was promoted or aborted. */
    SUPERSEDED(Optional.empty());

    private final Optional<Decision> deserved;

    RolloutOutcome(Optional<Decision> deserved) {
        this.deserved = deserved;
    }

    /** The decision the canary turned out to deserve; empty when the outcome does not tell. */
    public Optional<Decision> deserved() {
        return deserved;
    }

    /** The rollout's status fields the outcome is read from (the MCP tool {@code get_rollout_status}). */
    public record RolloutStatus(String phase, String stableHash, String currentHash, String message, boolean aborted) {

        public RolloutStatus {
            phase = phase == null ? "" : phase;
            stableHash = stableHash == null ? "" : stableHash;
            currentHash = currentHash == null ? "" : currentHash;
            message = message == null ? "" : message;
        }
    }

    /** An outcome and the status words it was read from. */
    public record Observed(RolloutOutcome outcome, String detail) {}

    /**
     * @param canaryHash the analysed canary's pod-template hash
     * @param stableHash the stable revision's when it was analysed
     * @return empty while the canary is still under way
     */
    public static Optional<Observed> of(String canaryHash, String stableHash, RolloutStatus now) {
        String seen = "phase " + now.phase() + ", stable " + now.stableHash() + ", current " + now.currentHash()
                + (now.message().isEmpty() ? "" : ", " + now.message());
        if (now.stableHash().equals(canaryHash)) {
            return Optional.of(new Observed(PROMOTED, seen));
        }
        if (now.aborted() || now.message().startsWith("RolloutAborted")) {
            return now.currentHash().equals(canaryHash)
                    ? Optional.of(new Observed(ABORTED, seen))
                    : Optional.of(new Observed(SUPERSEDED, seen));
        }
        if (now.currentHash().equals(canaryHash)) {
            return Optional.empty();
        }
        if (now.currentHash().equals(stableHash) && now.stableHash().equals(stableHash)) {
            return Optional.of(new Observed(ROLLED_BACK, seen));
        }
        return Optional.of(new Observed(SUPERSEDED, seen));
    }
}
