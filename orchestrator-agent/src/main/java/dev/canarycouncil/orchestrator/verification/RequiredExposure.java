package dev.canarycouncil.orchestrator.verification;

/**
 * How much traffic a fixed canary must serve before the absence of a failure means something. If
 * the failure struck each record independently at its earlier rate {@code p}, the chance of seeing
 * none in {@code n} records is {@code (1 - p)^n}; the absence is evidence at confidence {@code c}
 * once that chance is at most {@code 1 - c}, i.e. {@code n >= ln(1 - c) / ln(1 - p)}. At 99 % and a
 * failure in one record of a hundred, that is 459 records; in one of a thousand, 4,603.
 */
public final class RequiredExposure {

    /** The confidence the issue asks for: the failure would have shown with 99 % probability. */
    public static final double CONFIDENCE = 0.99;

    private RequiredExposure() {}

    /**
     * @param rate the failure's earlier rate per record, in (0, 1]
     * @return the records a canary must serve with no sign of the failure
     */
    public static long toRuleOut(double rate, double confidence) {
        if (!(rate > 0) || rate > 1) {
            throw new IllegalArgumentException("a failure rate must be within (0, 1], was " + rate);
        }
        if (!(confidence > 0) || confidence >= 1) {
            throw new IllegalArgumentException("a confidence must be within (0, 1), was " + confidence);
        }
        if (rate == 1) {
            return 1;
        }
        // log1p keeps the small rates that matter here exact: ln(1 - 1e-6) is not 0.
        return (long) Math.ceil(Math.log1p(-confidence) / Math.log1p(-rate));
    }
}
