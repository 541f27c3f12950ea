package dev.canarycouncil.mcp.recorded;

import dev.canarycouncil.mcp.prometheus.MetricsBackend;
import dev.canarycouncil.mcp.prometheus.QueryResult;
import dev.canarycouncil.mcp.prometheus.SeriesMatch;
import dev.canarycouncil.mcp.promql.Expr;
import dev.canarycouncil.mcp.promql.Matcher;
import dev.canarycouncil.mcp.promql.PromQlEvaluator;
import dev.canarycouncil.mcp.promql.PromQlException;
import dev.canarycouncil.mcp.promql.PromQlParser;
import dev.canarycouncil.mcp.promql.SeriesStore;
import dev.canarycouncil.mcp.promql.Value;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Answers PromQL from a recording's {@code metrics.om} with the embedded evaluator. */
public final class RecordedMetricsBackend implements MetricsBackend {

    private final PromQlEvaluator evaluator;
    private final SeriesStore store;
    private final Instant now;

    public RecordedMetricsBackend(RecordedRollout recording) {
        this.store = recording.metrics();
        this.evaluator = new PromQlEvaluator(store);
        this.now = recording.manifest().window().end();
    }

    @Override
    public List<SeriesMatch> series(List<String> selectors, Instant start, Instant end, int limit) {
        List<SeriesMatch> matches = new ArrayList<>();
        for (String selector : selectors) {
            List<SeriesStore.Series> found =
                    store.selectBetween(matchers(selector), start.toEpochMilli(), end.toEpochMilli());
            matches.add(new SeriesMatch(
                    selector,
                    found.size(),
                    found.stream()
                            .limit(limit)
                            .map(f -> f.labels().map())
                            .map(m -> (java.util.Map<String, String>) new java.util.LinkedHashMap<>(m))
                            .toList()));
        }
        return matches;
    }

    @Override
    public List<String> labelValues(String label, String selector, Instant start, Instant end) {
        return store.selectBetween(matchers(selector), start.toEpochMilli(), end.toEpochMilli()).stream()
                .map(s -> s.labels().get(label))
                .filter(v -> v != null && !v.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    private static List<Matcher> matchers(String selector) {
        Expr expr;
        try {
            expr = PromQlParser.parse(selector);
        } catch (PromQlException e) {
            throw new ToolException(Kind.BAD_QUERY, "invalid series selector: " + e.getMessage());
        }
        if (!(expr instanceof Expr.VectorSelector vs) || vs.offsetMillis() != 0) {
            throw new ToolException(
                    Kind.BAD_QUERY,
                    "a series selector is a metric name and/or label matchers, e.g. "
                            + "http_requests_total{namespace=\"shop\"}; got: " + selector);
        }
        return vs.matchers();
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
                series.add(new QueryResult.Series(
                        sample.labels().map(), List.of(new QueryResult.Point(t, sample.value()))));
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
            return QueryResult.matrix(
                    toSeries(evaluator.range(query, start.toEpochMilli(), end.toEpochMilli(), step.toMillis())));
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
