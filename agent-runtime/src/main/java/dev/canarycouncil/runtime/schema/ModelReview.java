package dev.canarycouncil.runtime.schema;

import java.util.Objects;

/**
 * What an agent's language model made of the deterministic evidence. It joins the aggregation as
 * a separate, lighter vote; it never replaces the agent's own verdict.
 *
 * @param model      provider and model, e.g. {@code gemini:gemini-2.5-flash}
 * @param status     whether the model gave a usable judgement, and if not why
 * @param verdict    the model's recommendation; null unless {@code status} is ANSWERED
 * @param confidence 0–100; 0 unless ANSWERED
 * @param reasoning  the model's reasons, citing evidence (redacted)
 * @param rootCause  the model's view of the root cause, or "none"
 * @param usage      tokens spent on this review
 * @param detail     why the review is unusable, or null
 */
public record ModelReview(
        String model,
        Status status,
        Decision verdict,
        int confidence,
        String reasoning,
        String rootCause,
        TokenUsage usage,
        String detail) {

    /** ANSWERED is the only status whose verdict counts. */
    public enum Status {
        ANSWERED,
        /** The model could not be reached or kept failing. */
        FAILED,
        /** The model answered, but not with a valid judgement. */
        REJECTED,
        /** The analysis' token budget did not allow (another) call. */
        OVER_BUDGET,
        TIMED_OUT
    }

    public ModelReview {
        Objects.requireNonNull(status, "status");
        usage = usage == null ? TokenUsage.NONE : usage;
        if (status == Status.ANSWERED) {
            Objects.requireNonNull(verdict, "verdict");
            if (confidence < 0 || confidence > 100) {
                throw new IllegalArgumentException("confidence must be within 0..100, was " + confidence);
            }
        } else {
            verdict = null;
            confidence = 0;
        }
    }

    public static ModelReview unusable(String model, Status status, TokenUsage usage, String detail) {
        return new ModelReview(model, status, null, 0, null, null, usage, detail);
    }

    public boolean answered() {
        return status == Status.ANSWERED;
    }
}
