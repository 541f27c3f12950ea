package dev.canarycouncil.metrics.judge;

/** How a metric's canary compares with its stable (Kayenta's classes). */
public enum Classification {
    /** No significant difference beyond what the metric allows. */
    PASS,
    /** Significantly higher on the canary. */
    HIGH,
    /** Significantly lower on the canary. */
    LOW,
    /** Too little data on a side to compare, or the query failed. */
    NODATA
}
