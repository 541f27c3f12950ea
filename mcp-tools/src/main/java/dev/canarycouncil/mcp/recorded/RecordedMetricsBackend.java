package dev.canarycouncil.mcp.recorded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.canarycouncil.mcp.prometheus.MetricsBackend;
import dev.canarycouncil.mcp.prometheus.QueryResult;
import dev.canarycouncil.mcp.promql.PromQlEvaluator;
import dev.canarycouncil.mcp.promql.PromQlException;
import dev.canarycouncil.mcp.promql.Value;
import dev.canarycouncil.mcp.server.ToolException;
import dev.canarycouncil.mcp.server.ToolException.Kind;

/** Answers PromQL from a recording's {@code metrics.om} with the embedded evaluator. */
public final class RecordedMetricsBackend implements MetricsBackend {

    private final PromQlEvaluator evaluator;
    private final Instant now;

    public RecordedMetricsBackend(RecordedRollout recording) {
        this.evaluator = new PromQlEvaluator(recording.metrics());
        this.now = recording.manifest().window().end();
    }

    @Override
    public QueryResult instant(String query, Instant time) {
        long t = time.toEpochMilli();
        Value value;
        try {
            value = evaluator.instant(query, t);
        } catch (PromQlException e) {
            throw new ToolException(Kind.BAD_QUERY, "invalid PromQL: " + e.getMessage());
        }
        if (value instanceof Value.Scalar s) {
            return QueryResult.scalar(new QueryResult.Point(t, s.value()));
        }
        if (value instanceof Value.InstantVector v) {
            List<QueryResult.Series> series = new ArrayList<>();
            for (Value.Sample sample : v.samples()) {
                series.add(new QueryResult.Series(sample.labels().map(), List.of(new QueryResult.Point(t, sample.value()))));
            }
            return QueryResult.vector(series);
        }
        if (value instanceof Value.RangeVector rv) {
            return QueryResult.matrix(toSeries(rv.series()));
        }
        throw new ToolException(Kind.BAD_QUERY, "string results are not supported");
    }

    @Override
    public QueryResult range(String query, Instant start, Instant end, Duration step) {
        try {
            return QueryResult.matrix(toSeries(evaluator.range(query, start.toEpochMilli(), end.toEpochMilli(),
                    step.toMillis())));
        } catch (PromQlException e) {
            throw new ToolException(Kind.BAD_QUERY, "invalid PromQL: " + e.getMessage());
        }
    }

    private static List<QueryResult.Series> toSeries(List<Value.Range> ranges) {
        List<QueryResult.Series> out = new ArrayList<>();
        for (Value.Range r : ranges) {
            List<QueryResult.Point> points = new ArrayList<>(r.size());
            for (int i = 0; i < r.size(); i++) {
                points.add(new QueryResult.Point(r.timestamps()[i], r.values()[i]));
            }
            out.add(new QueryResult.Series(r.labels().map(), points));
        }
        return out;
    }

    @Override
    public Instant now() {
        return now;
    }
}
