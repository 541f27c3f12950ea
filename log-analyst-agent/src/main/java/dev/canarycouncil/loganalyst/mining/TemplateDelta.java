package dev.canarycouncil.loganalyst.mining;

/**
 * How one template's rate differs between canary and stable.
 *
 * @param pValue     one-sided p-value that the canary rate exceeds the stable rate (NaN when untested)
 * @param rateRatio  canary rate over stable rate, per record on each side (infinite when new)
 */
public record TemplateDelta(
        TemplateStats stats, Change change, double pValue, double rateRatio, double canaryRate, double stableRate) {

    public enum Change {
        /** Seen on the canary only, at least the minimum count of times. */
        NEW_IN_CANARY,
        /** Significantly more frequent on the canary. */
        MORE_FREQUENT,
        /** On both sides at rates the test cannot tell apart, or too rare to test. */
        NO_CHANGE,
        /** There is no stable log to compare with. */
        NO_BASELINE
    }
}
