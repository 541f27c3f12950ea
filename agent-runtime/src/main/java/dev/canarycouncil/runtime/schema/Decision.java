package dev.canarycouncil.runtime.schema;

/** What the council (or one agent of it) recommends for a canary. */
public enum Decision {
    PROMOTE,
    ROLLBACK,
    /** Not enough evidence either way; a release gate must not read this as "promote". */
    INCONCLUSIVE
}
