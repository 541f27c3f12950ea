package dev.canarycouncil.orchestrator.gate;

import java.time.Duration;

/** An analysis refused because its caller or its rollout has as many running as allowed: answered 429 with Retry-After. */
public final class TooManyAnalysesException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAnalysesException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
