package dev.canarycouncil.loganalyst.ingest;

/** How bad a log record says it is. FATAL also covers crashes (panics, uncaught exceptions, OOM). */
public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR,
    FATAL;

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }

    public static Level max(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
