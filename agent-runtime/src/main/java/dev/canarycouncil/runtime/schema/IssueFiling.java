package dev.canarycouncil.runtime.schema;

/** Whether the issue writer files the draft it writes, or only returns it. */
public enum IssueFiling {
    /** File it where the issue writer is configured to (a dry-run issue writer still only drafts). */
    FILE,
    /** Return the draft only: the analysis was not asked for by a release controller. */
    DRAFT_ONLY
}
