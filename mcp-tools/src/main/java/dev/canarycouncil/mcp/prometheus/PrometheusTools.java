package dev.canarycouncil.mcp.prometheus;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.mcp.tool.ToolSpecs;
import dev.canarycouncil.mcp.tool.ToolSpecs.Param;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** PromQL instant and range queries, answered in the Prometheus HTTP API's {@code data} shape. */
public final class PrometheusTools {

    /** Prometheus itself refuses ranges of more than 11,000 points. */
    static final long MAX_POINTS = 11_000;

    private final MetricsBackend metrics;

    public PrometheusTools(MetricsBackend metrics) {
        this.metrics = metrics;
    }

    /** Series listed per selector at most. */
    static final int MAX_SERIES_LISTED = 20;

    static final int MAX_SELECTORS = 40;

    public List<SyncToolSpecification> specifications() {
        return List.of(instant(), range(), series(), labelValues());
    }

    private SyncToolSpecification series() {
        return ToolSpecs.readOnly(
                "promql_series",
                "Find the series each selector matches with samples in a time range (Prometheus' series API), e.g. to learn "
                        + "which metric names and labels a canary's pods expose. Answers, per selector, how many series match "
                        + "and the label sets of the first " + MAX_SERIES_LISTED + ".",
                List.of(
                        Param.required(
                                "match",
                                "array",
                                "series selectors, e.g. http_requests_total{namespace=\"shop\"} or "
                                        + "{pod=~\"checkout-7c9d6f5b4-.+\"}; at most " + MAX_SELECTORS),
                        Param.required("start", "string", "range start, RFC 3339 or Unix seconds"),
                        Param.required("end", "string", "range end, RFC 3339 or Unix seconds")),
                args -> {
                    List<String> selectors = args.requiredStrings("match", MAX_SELECTORS);
                    Instant start = args.requiredInstant("start");
                    Instant end = args.requiredInstant("end");
                    if (end.isBefore(start)) {
                        throw new ToolException(Kind.INVALID_ARGUMENT, "end " + end + " is before start " + start);
                    }
                    return java.util.Map.of("matches", metrics.series(selectors, start, end, MAX_SERIES_LISTED));
                });
    }

    private SyncToolSpecification labelValues() {
        return ToolSpecs.readOnly(
                "promql_label_values",
                "List the values a label takes on the series a selector matches in a time range (Prometheus' label values "
                        + "API), e.g. label __name__ for the metric names a pod exposes.",
                List.of(
                        Param.required("label", "string", "label name, e.g. __name__ or pod"),
                        Param.required("match", "string", "series selector"),
                        Param.required("start", "string", "range start, RFC 3339 or Unix seconds"),
                        Param.required("end", "string", "range end, RFC 3339 or Unix seconds")),
                args -> java.util.Map.of(
                        "values",
                        metrics.labelValues(
                                args.requiredString("label"),
                                args.requiredString("match"),
                                args.requiredInstant("start"),
                                args.requiredInstant("end"))));
    }

    private SyncToolSpecification instant() {
        return ToolSpecs.readOnly(
                "promql_query",
                "Evaluate a PromQL expression at one instant. The answer is the Prometheus API data object (resultType and result).",
                List.of(
                        Param.required("query", "string", "PromQL expression"),
                        Param.optional("time", "string", "evaluation time, RFC 3339 or Unix seconds; default now")),
                args -> {
                    Instant time = args.optionalInstant("time");
                    return metrics.instant(args.requiredString("query"), time == null ? metrics.now() : time)
                            .toApiData();
                });
    }

    private SyncToolSpecification range() {
        return ToolSpecs.readOnly(
                "promql_query_range",
                "Evaluate a PromQL expression over a time range at a fixed step. The answer is the Prometheus API data object (a matrix).",
                List.of(
                        Param.required("query", "string", "PromQL expression"),
                        Param.required("start", "string", "range start, RFC 3339 or Unix seconds"),
                        Param.required("end", "string", "range end, RFC 3339 or Unix seconds"),
                        Param.required("step", "string", "resolution step, e.g. 15s, 1m, or seconds")),
                args -> {
                    Instant start = args.requiredInstant("start");
                    Instant end = args.requiredInstant("end");
                    Duration step = args.optionalDuration("step");
                    if (step == null) {
                        throw new ToolException(Kind.INVALID_ARGUMENT, "argument 'step' is required");
                    }
                    if (end.isBefore(start)) {
                        throw new ToolException(Kind.INVALID_ARGUMENT, "end " + end + " is before start " + start);
                    }
                    long points = Duration.between(start, end).toMillis() / step.toMillis() + 1;
                    if (points > MAX_POINTS) {
                        throw new ToolException(
                                Kind.INVALID_ARGUMENT,
                                "the range would have " + points + " points; at most " + MAX_POINTS
                                        + " are allowed, use a larger step");
                    }
                    return metrics.range(args.requiredString("query"), start, end, step)
                            .toApiData();
                });
    }
}
