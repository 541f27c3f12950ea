package dev.canarycouncil.runtime.schema;

import java.util.List;

/**
 * Request (or job) durations a log template carries on each side, compared: what a logs-only
 * setup knows about latency. Durations are read from the records themselves ({@code duration=42ms},
 * {@code Completed 200 OK in 12ms}, an access log's request time).
 *
 * @param template      the template whose records carry the durations
 * @param unit          milliseconds, or unstated when the log gives bare numbers (then only the ratio means anything)
 * @param canaryCount   durations read on the canary (a bounded uniform sample of them is compared)
 * @param canaryP50     canary median
 * @param canaryP95     canary 95th percentile
 * @param pValue        one-sided Mann-Whitney U: canary durations larger than the stable's
 * @param samples       up to two redacted canary records
 * @param source        which canary pods and containers the records came from
 */
public record LogLatencyEvidence(
        String description,
        Severity severity,
        String template,
        DurationUnit unit,
        long canaryCount,
        long stableCount,
        double canaryP50,
        double canaryP95,
        double stableP50,
        double stableP95,
        double pValue,
        List<String> samples,
        String source)
        implements Evidence {

    public LogLatencyEvidence {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
