package dev.canarycouncil.mcp.promql;

import java.util.List;

/** What evaluating an expression at one instant yields. */
public sealed interface Value {

    record Scalar(double value) implements Value {}

    record Text(String value) implements Value {}

    record Sample(Labels labels, double value) {}

    record InstantVector(List<Sample> samples) implements Value {}

    /** Samples of one series inside a range, oldest first. */
    record Range(Labels labels, long[] timestamps, double[] values) {

        public int size() {
            return timestamps.length;
        }
    }

    /** Series cut to the window {@code (start, end]} they were selected with (both in milliseconds). */
    record RangeVector(List<Range> series, long start, long end) implements Value {}
}
