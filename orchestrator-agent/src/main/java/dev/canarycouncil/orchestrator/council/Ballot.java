package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.Finding;

/**
 * One member's finding as the council counts it.
 *
 * @param finding   what the member said
 * @param weight    how much its vote counts (its policy's weight, lowered for a text-only reply)
 * @param strength  0–100, multiplies the weight: the finding's own confidence, or its track record
 * @param mayVeto   whether a confident ROLLBACK from it blocks promotion alone
 * @param basis     how the strength was chosen, when not the member's own confidence (for the rationale)
 * @param abstains  an INCONCLUSIVE at 0 % from it is an abstention: no vote, no weight in the total
 */
public record Ballot(Finding finding, double weight, double strength, boolean mayVeto, String basis, boolean abstains) {

    public Ballot(Finding finding, double weight, double strength, boolean mayVeto, String basis) {
        this(finding, weight, strength, mayVeto, basis, false);
    }

    /**
     * True when this ballot is an abstention: under its member's policy, or because the member says it
     * has no source of its kind at all (no metrics configured).
     */
    public boolean abstained() {
        return finding.abstains()
                || abstains
                        && finding.verdict() == dev.canarycouncil.runtime.schema.Decision.INCONCLUSIVE
                        && finding.confidence() == 0;
    }

    /** The plain case: the member's confidence, weight 1, may veto. */
    public static Ballot of(Finding finding) {
        return new Ballot(finding, 1.0, finding.confidence(), true, null);
    }

    public String agent() {
        return finding.agent();
    }
}
