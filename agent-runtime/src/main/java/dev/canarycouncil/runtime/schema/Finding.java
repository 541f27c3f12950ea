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
 */
public record Finding(
        String agent,
        Decision verdict,
        int confidence,
        String summary,
        List<Evidence> evidence,
        List<String> notes,
        ModelReview review) {

    public Finding {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(verdict, "verdict");
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within 0..100, was " + confidence);
        }
        summary = summary == null ? "" : summary;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A deterministic finding, with no model review. */
    public Finding(String agent, Decision verdict, int confidence, String summary, List<Evidence> evidence, List<String> notes) {
        this(agent, verdict, confidence, summary, evidence, notes, null);
    }

    public Finding withReview(ModelReview newReview) {
        return new Finding(agent, verdict, confidence, summary, evidence, notes, newReview);
    }

    public Finding withAgent(String newAgent) {
        return new Finding(newAgent, verdict, confidence, summary, evidence, notes, review);
    }
}
