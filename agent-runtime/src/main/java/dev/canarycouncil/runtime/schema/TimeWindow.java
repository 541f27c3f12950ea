package dev.canarycouncil.runtime.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time range an analysis looks at. */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window end " + end + " is before its start " + start);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
