package dev.canarycouncil.runtime.schema;

import java.time.Instant;

/**
 * A metric compared between canary and stable, with the exact queries so a human can re-run them.
 *
 * @param metric        short name of the metric (e.g. {@code 5xx-ratio})
 * @param canaryQuery   the PromQL evaluated for the canary
 * @param stableQuery   the PromQL evaluated for the stable
 * @param canaryValue   summary value for the canary, null when there was no data
 * @param stableValue   summary value for the stable, null when there was no data
 * @param start         start of the evaluated range
 * @param end           end of the evaluated range
 * @param test          the comparison made and its result, in words
 * @param unit          the values' unit as the metric set states it ({@code s}, {@code bytes}, {@code ratio},
 *                      {@code per pod}, ...); null from members that do not send one
 * @param sequential    a sequential test's evidence step by step against its boundary; null for other tests
 */
public record PromQlEvidence(
        String description,
        Severity severity,
        String metric,
        String canaryQuery,
        String stableQuery,
        Double canaryValue,
        Double stableValue,
        Instant start,
        Instant end,
        String test,
        String unit,
        SequentialTrace sequential)
        implements Evidence {

    /** Evidence of a test that is not sequential. */
    public PromQlEvidence(
            String description,
            Severity severity,
            String metric,
            String canaryQuery,
            String stableQuery,
            Double canaryValue,
            Double stableValue,
            Instant start,
            Instant end,
            String test,
            String unit) {
        this(
                description,
                severity,
                metric,
                canaryQuery,
                stableQuery,
                canaryValue,
                stableValue,
                start,
                end,
                test,
                unit,
                null);
    }

    /** Evidence without a unit, as members before units were sent it. */
    public PromQlEvidence(
            String description,
            Severity severity,
            String metric,
            String canaryQuery,
            String stableQuery,
            Double canaryValue,
            Double stableValue,
            Instant start,
            Instant end,
            String test) {
        this(
                description,
                severity,
                metric,
                canaryQuery,
                stableQuery,
                canaryValue,
                stableValue,
                start,
                end,
                test,
                null,
                null);
    }
}
