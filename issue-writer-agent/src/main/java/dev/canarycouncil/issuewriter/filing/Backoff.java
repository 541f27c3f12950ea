package dev.canarycouncil.issuewriter.filing;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff with a cap, stretched to whatever GitHub asked us to wait. */
record Backoff(Duration base, Duration cap) {

    /** The delay before attempt {@code failedAttempts + 1}: base, 2×base, 4×base … at most cap. */
    Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    Instant next(Instant now, int failedAttempts, Instant notBefore) {
        Instant backoff = now.plus(after(failedAttempts));
        return notBefore != null && notBefore.isAfter(backoff) ? notBefore : backoff;
    }
}
