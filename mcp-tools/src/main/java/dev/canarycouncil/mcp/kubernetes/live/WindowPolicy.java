package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.runtime.schema.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The analysis window of a live canary: from the moment its ReplicaSet was created (when the
 * rollout started this revision) up to now, at most {@code maxLength} long. A recording's window
 * is the same span, fixed at recording time.
 *
 * @param maxLength  caps the window of a canary that has been paused for hours or days, or of a
 *                   ReplicaSet reused by a retried or rolled-back revision, whose creation is long past
 */
public record WindowPolicy(Clock clock, Duration maxLength) {

    public static final Duration DEFAULT_MAX_LENGTH = Duration.ofHours(1);

    public WindowPolicy {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(maxLength, "maxLength");
        if (maxLength.isNegative() || maxLength.isZero()) {
            throw new IllegalArgumentException("maximum window length must be positive, was " + maxLength);
        }
    }

    public static WindowPolicy systemDefault() {
        return new WindowPolicy(Clock.systemUTC(), DEFAULT_MAX_LENGTH);
    }

    /** @param canaryCreated when the canary ReplicaSet (or its first pod) was created */
    TimeWindow window(Instant canaryCreated) {
        Instant end = clock.instant();
        Instant start = canaryCreated.isBefore(end.minus(maxLength)) ? end.minus(maxLength) : canaryCreated;
        // A creation time ahead of this clock (skew between nodes) gives an empty window, not an invalid one.
        return new TimeWindow(start.isAfter(end) ? end : start, end);
    }
}
