package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.runtime.schema.SequentialTrace;

/**
 * One metric's comparison.
 *
 * @param failed       the change is in a direction the metric forbids
 * @param canaryValue  the canary's summary (median of the samples, or the ratio of the totals); null without data
 * @param pValue       of the test made; null when none could be made
 * @param test         the test and its result in words, for a person re-checking it
 * @param trace        a sequential test's evidence step by step against its boundary; null for other tests
 */
public record MetricOutcome(
        MetricSpec spec,
        Classification classification,
        boolean failed,
        Double canaryValue,
        Double stableValue,
        Double pValue,
        String test,
        String canaryQuery,
        String stableQuery,
        SequentialTrace trace) {

    /** The outcome of a test that is not sequential. */
    public MetricOutcome(
            MetricSpec spec,
            Classification classification,
            boolean failed,
            Double canaryValue,
            Double stableValue,
            Double pValue,
            String test,
            String canaryQuery,
            String stableQuery) {
        this(spec, classification, failed, canaryValue, stableValue, pValue, test, canaryQuery, stableQuery, null);
    }

    /**
     * This outcome with a note after its test saying how the test came to be made (say, why it is
     * not the sequential one); an outcome without data is returned as it is, its text already says why.
     */
    public MetricOutcome withNote(String note) {
        if (classification == Classification.NODATA) {
            return this;
        }
        return new MetricOutcome(
                spec,
                classification,
                failed,
                canaryValue,
                stableValue,
                pValue,
                test + " (" + note + ")",
                canaryQuery,
                stableQuery,
                trace);
    }

    static MetricOutcome noData(MetricSpec spec, String why, String canaryQuery, String stableQuery) {
        return new MetricOutcome(spec, Classification.NODATA, false, null, null, null, why, canaryQuery, stableQuery);
    }

    /** Whether a significant change is a failure, given the metric's direction. */
    static boolean fails(MetricSpec spec, Classification c) {
        return switch (c) {
            case HIGH -> spec.directionOrDefault() != dev.canarycouncil.metrics.config.Direction.DECREASE;
            case LOW -> spec.directionOrDefault() != dev.canarycouncil.metrics.config.Direction.INCREASE;
            default -> false;
        };
    }
}
