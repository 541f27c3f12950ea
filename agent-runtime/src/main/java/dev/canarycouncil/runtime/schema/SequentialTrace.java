package dev.canarycouncil.runtime.schema;

import java.time.Instant;
import java.util.List;

/**
 * How a sequential test's evidence grew step by step since the canary started, against the
 * boundary at which it decides: what each call of a controller would have seen.
 *
 * @param boundary the evidence at which the test decides (1/alpha)
 * @param points   the evidence after each step, in time order
 */
public record SequentialTrace(double boundary, List<Point> points) {

    public SequentialTrace {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /** The evidence (a likelihood ratio; 1 is none either way) once the step ending {@code at} was counted. */
    public record Point(Instant at, double evidence) {}
}
