package dev.canarycouncil.metrics.judge;

import java.util.Locale;

/** Numbers as a person reads them, by unit. */
public final class Values {

    private Values() {}

    public static String format(double v, String unit) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return switch (unit) {
            case "ratio" -> String.format(Locale.ROOT, "%.2f%%", v * 100);
            case "s" ->
                Math.abs(v) < 1
                        ? String.format(Locale.ROOT, "%.1f ms", v * 1000)
                        : String.format(Locale.ROOT, "%.3f s", v);
            case "bytes" -> String.format(Locale.ROOT, "%.1f MiB", v / 1048576);
            case "cores" -> String.format(Locale.ROOT, "%.3f cores", v);
            default -> String.format(Locale.ROOT, "%.4g", v) + (unit.isEmpty() ? "" : " " + unit);
        };
    }
}
