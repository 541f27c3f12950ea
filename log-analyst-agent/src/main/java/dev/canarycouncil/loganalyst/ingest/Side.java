package dev.canarycouncil.loganalyst.ingest;

/** Which side of the canary a log came from. */
public enum Side {
    CANARY,
    STABLE;

    public int index() {
        return ordinal();
    }
}
