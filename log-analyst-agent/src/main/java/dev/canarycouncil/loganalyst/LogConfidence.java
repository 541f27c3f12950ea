package dev.canarycouncil.loganalyst;

/**
 * Every confidence the log analyst gives, in one place. The numbers were set by hand on the
 * scale the council votes with (a ROLLBACK at 80 or more vetoes a promotion) and checked against
 * the eval's calibration on the bundled recordings (docs/benchmarks.md: ECE and Brier score);
 * change one only with the eval report before and after.
 */
final class LogConfidence {

    /** A crash with no score of its own: a panic or uncaught exception only the canary has is near-certain. */
    static final int CRASH = 90;
    /**
     * A crash's own score rises by this much per decade of its occurrences, never past
     * {@link #CRASH_CAP}; several distinct crashes add this much each, up to {@link #CRASH_EXTRA_CAP}.
     */
    static final int CRASH_PER_EXTRA = 3;

    static final int CRASH_EXTRA_CAP = 6;
    static final int CRASH_CAP = 97;

    /** An error regression with no score of its own: below the veto, so the other members still count. */
    static final int ERROR = 70;
    /** An error template's score: a base, raised by its count or its p-value, capped below a crash's. */
    static final int ERROR_BASE = 66;

    static final int ERROR_RAISE_CAP = 22;
    static final int ERROR_CAP = 90;
    /** Points per doubling of the canary's occurrences, per decade of the p-value, and the share of either counted. */
    static final double ERROR_PER_DOUBLING = 6;

    static final double ERROR_PER_P_DECADE = 2;
    static final double ERROR_RAISE_SHARE = 0.9;
    /** A rise of errors spread over many templates: convincing, but less than one template's clear regression. */
    static final int SURGE_CAP = 88;

    /** Most of the logs unreadable: errors seen in the rest may be matched by unseen ones on the stable. */
    static final int BLIND_PENALTY = 10;

    /** Healthy pods that logged too little to judge: a weak PROMOTE. */
    static final int FEW_RECORDS = 50;
    /** A clean canary: from {@link #HEALTHY_BASE} up by {@link #HEALTHY_VOLUME} as the records reach 10^{@link #VOLUME_DECADES}. */
    static final int HEALTHY_BASE = 55;

    static final int HEALTHY_VOLUME = 35;
    static final double VOLUME_DECADES = 3;
    /** Taken off a clean verdict: no stable to compare with, warnings that rose, and each reading note (capped). */
    static final int NO_STABLE_PENALTY = 15;

    static final int WARNINGS_PENALTY = 15;
    static final int NOTE_PENALTY = 5;
    static final int NOTES_PENALTY_CAP = 10;
    /** A clean verdict never goes below this. */
    static final int PROMOTE_FLOOR = 40;

    private LogConfidence() {}
}
