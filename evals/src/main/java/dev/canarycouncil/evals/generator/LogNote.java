package dev.canarycouncil.evals.generator;

/**
 * One application log line a scenario adds to the simulated traffic (a feature-flag notice, a
 * retry warning, an error that does not change the HTTP status ...). The style formats it;
 * {@code {id}} in the message becomes a random five-digit id.
 */
record LogNote(Level level, String component, String message) {

    enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR,
        FATAL
    }

    static LogNote debug(String component, String message) {
        return new LogNote(Level.DEBUG, component, message);
    }

    static LogNote info(String component, String message) {
        return new LogNote(Level.INFO, component, message);
    }

    static LogNote warn(String component, String message) {
        return new LogNote(Level.WARN, component, message);
    }

    static LogNote error(String component, String message) {
        return new LogNote(Level.ERROR, component, message);
    }

    static LogNote fatal(String component, String message) {
        return new LogNote(Level.FATAL, component, message);
    }
}
