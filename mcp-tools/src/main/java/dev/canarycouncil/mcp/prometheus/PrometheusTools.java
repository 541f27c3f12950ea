package dev.canarycouncil.mcp.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.canarycouncil.mcp.server.ToolException;
import dev.canarycouncil.mcp.server.ToolException.Kind;
import dev.canarycouncil.mcp.server.ToolSpecs;
import dev.canarycouncil.mcp.server.ToolSpecs.Param;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

/** PromQL instant and range queries, answered in the Prometheus HTTP API's {@code data} shape. */
public final class PrometheusTools {

    /** Prometheus itself refuses ranges of more than 11,000 points. */
    static final long MAX_POINTS = 11_000;

    private final MetricsBackend metrics;

    public PrometheusTools(MetricsBackend metrics) {
        this.metrics = metrics;
    }

    public List<SyncToolSpecification> specifications() {
        return List.of(instant(), range());
    }

    private SyncToolSpecification instant() {
        return ToolSpecs.readOnly("promql_query",
                "Evaluate a PromQL expression at one instant. The answer is the Prometheus API data object (resultType and result).",
                List.of(Param.required("query", "string", "PromQL expression"),
                        Param.optional("time", "string", "evaluation time, RFC 3339 or Unix seconds; default now")),
                args -> {
                    Instant time = args.optionalInstant("time");
                    return metrics.instant(args.requiredString("query"), time == null ? metrics.now() : time).toApiData();
                });
    }

    private SyncToolSpecification range() {
        return ToolSpecs.readOnly("promql_query_range",
                "Evaluate a PromQL expression over a time range at a fixed step. The answer is the Prometheus API data object (a matrix).",
                List.of(Param.required("query", "string", "PromQL expression"),
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
                        throw new ToolException(Kind.INVALID_ARGUMENT, "the range would have " + points
                                + " points; at most " + MAX_POINTS + " are allowed, use a larger step");
                    }
                    return metrics.range(args.requiredString("query"), start, end, step).toApiData();
                });
    }
}
