package dev.canarycouncil.evals.generator;

import java.time.Instant;

/** A style whose app logs through Python's {@code logging}: its level names, one line format per style. */
interface PythonLogging extends LogStyle {

    /** One {@code logging} record as the style's formatter writes it. */
    String line(Instant t, String level, String component, String message);

    @Override
    default String info(Instant t, String component, String message) {
        return line(t, "INFO", component, message);
    }

    @Override
    default String warn(Instant t, String component, String message) {
        return line(t, "WARNING", component, message);
    }

    @Override
    default String error(Instant t, String component, String message) {
        return line(t, "ERROR", component, message);
    }

    @Override
    default String debug(Instant t, String component, String message) {
        return line(t, "DEBUG", component, message);
    }

    @Override
    default String fatal(Instant t, String component, String message) {
        return line(t, "CRITICAL", component, message);
    }
}
