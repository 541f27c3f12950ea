package dev.canarycouncil.runtime.schema;

/** How strongly one evidence item argues against promoting the canary. */
public enum Severity {
    INFO,
    WARNING,
    ERROR,
    /** Crashes, OOM kills, error storms: alone enough to block a promotion. */
    CRITICAL
}
