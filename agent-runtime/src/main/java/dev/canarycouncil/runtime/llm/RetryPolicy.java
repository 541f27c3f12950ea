package dev.canarycouncil.runtime.llm;

import java.time.Duration;

/**
 * When to try a model call again: on 429 and 5xx answers, timeouts and refused connections, up to
 * {@code maxAttempts}, waiting what the server asked for or an exponential backoff, but never
 * longer than {@code maxWait} at a time, since the analysis has a deadline.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxWait) {

    public static RetryPolicy of(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    public boolean retryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Backoff before attempt {@code attempt + 1}, attempt counting from 1. */
    public Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 6);
        return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
    }
}
