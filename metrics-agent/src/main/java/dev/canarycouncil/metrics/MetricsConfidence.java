package dev.canarycouncil.metrics;

/**
 * Every confidence the metrics agent gives, in one place. Set by hand on the council's scale (a
 * ROLLBACK at 80 or more vetoes a promotion) and checked against the eval's calibration on the
 * bundled recordings (docs/benchmarks.md); change one only with the eval report before and after.
 */
final class MetricsConfidence {

    /** A critical metric failing: at the veto, raised by 3 points per decade of its p-value up to 15 more, capped. */
    static final int CRITICAL_BASE = 80;

    static final double CRITICAL_PER_P_DECADE = 3;
    static final int CRITICAL_RAISE_CAP = 15;
    static final int CRITICAL_CAP = 97;

    /** A score below marginal: from 60, up to 25 more as the score falls to zero; below the veto unless critical. */
    static final int REGRESSION_BASE = 60;

    static final int REGRESSION_RANGE = 25;

    /** A passing score: from 50, up to 25 more for full coverage and 15 more as traffic reaches 10^{@link #TRAFFIC_DECADES} requests. */
    static final int PROMOTE_BASE = 50;

    static final int PROMOTE_COVERAGE = 25;
    static final int PROMOTE_TRAFFIC = 15;
    static final double TRAFFIC_DECADES = 4;
    /** Traffic counted as half-known when no request count was found. */
    static final double UNKNOWN_TRAFFIC = 0.5;

    /** No metrics verdict is surer than this short of a critical failure: metrics miss what only logs show. */
    static final int CAP = 90;

    private MetricsConfidence() {}
}
