package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.schema.ModelReview;
import dev.canarycouncil.runtime.schema.TokenUsage;

/**
 * What one guarded model call produced: a value, or the reason there is none.
 *
 * @param value   the answer; null unless {@code status} is ANSWERED
 * @param status  ANSWERED, or why the call gave nothing usable
 * @param usage   tokens spent, failed attempts included
 * @param detail  one redacted line on the failure, or null
 */
public record ModelOutcome<T>(T value, ModelReview.Status status, TokenUsage usage, String detail) {

    public boolean answered() {
        return status == ModelReview.Status.ANSWERED;
    }
}
