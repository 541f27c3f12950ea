package dev.canarycouncil.runtime.schema;

import java.util.List;
import java.util.Objects;

/**
 * One agent's judgement of a canary. Travels between agents as an A2A DataPart, with a TextPart
 * carrying {@link #summary()} for readers that only understand text.
 *
 * @param agent       the agent's name (its card name)
 * @param verdict     what the agent recommends
 * @param confidence  0–100, how sure the agent is of {@code verdict}
 * @param summary     one or two sentences a person can read
 * @param evidence    the items behind the verdict, strongest first
 * @param notes       caveats about the evidence itself (truncated logs, missing data, ...)
 * @param review      the agent's language-model review of this evidence; null in deterministic mode
 * @param blindSpots  what the agent could not see (no source, unreadable logs); empty when it saw everything
 */
public record Finding(
        String agent,
        Decision verdict,
        int confidence,
        String summary,
        List<Evidence> evidence,
        List<String> notes,
        ModelReview review,
        List<BlindSpot> blindSpots) {

    public Finding {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(verdict, "verdict");
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within 0..100, was " + confidence);
        }
        summary = summary == null ? "" : summary;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        notes = notes == null ? List.of() : List.copyOf(notes);
        blindSpots = blindSpots == null ? List.of() : List.copyOf(blindSpots);
    }

    public Finding(
            String agent,
            Decision verdict,
            int confidence,
            String summary,
            List<Evidence> evidence,
            List<String> notes,
            ModelReview review) {
        this(agent, verdict, confidence, summary, evidence, notes, review, List.of());
    }

    /** A deterministic finding, with no model review. */
    public Finding(
            String agent,
            Decision verdict,
            int confidence,
            String summary,
            List<Evidence> evidence,
            List<String> notes) {
        this(agent, verdict, confidence, summary, evidence, notes, null);
    }

    public Finding withReview(ModelReview newReview) {
        return new Finding(agent, verdict, confidence, summary, evidence, notes, newReview, blindSpots);
    }

    public Finding withAgent(String newAgent) {
        return new Finding(newAgent, verdict, confidence, summary, evidence, notes, review, blindSpots);
    }

    public Finding withEvidence(List<Evidence> newEvidence) {
        return new Finding(agent, verdict, confidence, summary, newEvidence, notes, review, blindSpots);
    }

    public Finding withBlindSpots(List<BlindSpot> spots) {
        return new Finding(agent, verdict, confidence, summary, evidence, notes, review, spots);
    }

    /**
     * True when the member says it has no source of its kind at all and so neither votes nor lowers
     * the council's confidence: an INCONCLUSIVE at 0 % with a {@link BlindSpot.Kind#NOT_CONFIGURED} blind spot.
     */
    public boolean abstains() {
        return verdict == Decision.INCONCLUSIVE
                && confidence == 0
                && blindSpots.stream().anyMatch(b -> b.kind() == BlindSpot.Kind.NOT_CONFIGURED);
    }
}
