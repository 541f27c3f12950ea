package dev.canarycouncil.runtime.schema;

/** The unit durations read from a log are in, as far as the log says. */
public enum DurationUnit {
    /** Converted to milliseconds from the unit the log wrote ({@code 1.2s}, {@code 152µs}, {@code duration_ms=}). */
    MILLISECONDS,
    /** Bare numbers with no unit in the value or the field name: comparable between the sides, not readable as a time. */
    UNSTATED;

    /** {@code 12.3 ms}, or the bare number. */
    public String format(double value) {
        String number = value >= 100
                ? String.format(java.util.Locale.ROOT, "%.0f", value)
                : value >= 1
                        ? String.format(java.util.Locale.ROOT, "%.1f", value)
                        : String.format(java.util.Locale.ROOT, "%.3g", value);
        return this == MILLISECONDS ? number + " ms" : number;
    }
}
