package dev.canarycouncil.mcp.promql;

import dev.canarycouncil.mcp.promql.Expr.Aggregation;
import dev.canarycouncil.mcp.promql.Expr.Binary;
import dev.canarycouncil.mcp.promql.Expr.Call;
import dev.canarycouncil.mcp.promql.Expr.MatrixSelector;
import dev.canarycouncil.mcp.promql.Expr.NumberLiteral;
import dev.canarycouncil.mcp.promql.Expr.StringLiteral;
import dev.canarycouncil.mcp.promql.Expr.Unary;
import dev.canarycouncil.mcp.promql.Expr.VectorSelector;
import dev.canarycouncil.mcp.promql.Value.InstantVector;
import dev.canarycouncil.mcp.promql.Value.Range;
import dev.canarycouncil.mcp.promql.Value.RangeVector;
import dev.canarycouncil.mcp.promql.Value.Sample;
import dev.canarycouncil.mcp.promql.Value.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates PromQL over recorded series with Prometheus 2.x semantics: a five-minute lookback for
 * instant selectors, closed ranges {@code [t-r, t]}, extrapolated {@code rate()}. Supported: selectors
 * with all matcher types and offset, arithmetic/comparison/set operators with on/ignoring and
 * group_left/group_right, the usual aggregations, and the rate, *_over_time, histogram_quantile,
 * math and clamp functions. Subqueries and label functions are not supported.
 */
public final class PromQlEvaluator {

    static final long LOOKBACK_MILLIS = 5 * 60_000;

    private final SeriesStore store;

    public PromQlEvaluator(SeriesStore store) {
        this.store = store;
    }

    /** The value of {@code query} at {@code timeMillis}. */
    public Value instant(String query, long timeMillis) {
        return eval(PromQlParser.parse(query), timeMillis);
    }

    /**
     * The query evaluated at each step from start to end, as series of points (a matrix).
     *
     * @throws PromQlException when the query yields a range vector or a string
     */
    public List<Range> range(String query, long startMillis, long endMillis, long stepMillis) {
        Expr expr = PromQlParser.parse(query);
        Map<Labels, List<long[]>> times = new TreeMap<>();
        Map<Labels, List<Double>> values = new TreeMap<>();
        for (long t = startMillis; t <= endMillis; t += stepMillis) {
            Value v = eval(expr, t);
            List<Sample> samples;
            if (v instanceof Scalar s) {
                samples = List.of(new Sample(Labels.EMPTY, s.value()));
            } else if (v instanceof InstantVector iv) {
                samples = iv.samples();
            } else {
                throw new PromQlException("a range query must yield a scalar or an instant vector, not a range vector");
            }
            for (Sample s : samples) {
                times.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(new long[] {t});
                values.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(s.value());
            }
        }
        List<Range> out = new ArrayList<>();
        for (Labels labels : times.keySet()) {
            List<long[]> ts = times.get(labels);
            List<Double> vs = values.get(labels);
            long[] t = new long[ts.size()];
            double[] v = new double[vs.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = ts.get(i)[0];
                v[i] = vs.get(i);
            }
            out.add(new Range(labels, t, v));
        }
        return out;
    }

    Value eval(Expr expr, long t) {
        if (expr instanceof NumberLiteral n) {
            return new Scalar(n.value());
        } else if (expr instanceof StringLiteral s) {
            return new Value.Text(s.value());
        } else if (expr instanceof VectorSelector vs) {
            return instantSelect(vs, t);
        } else if (expr instanceof MatrixSelector ms) {
            return rangeSelect(ms, t);
        } else if (expr instanceof Call call) {
            List<Value> args = new ArrayList<>();
            for (Expr arg : call.args()) {
                args.add(eval(arg, t));
            }
            return Functions.call(call.function(), args, t);
        } else if (expr instanceof Aggregation agg) {
            Value input = eval(agg.expr(), t);
            if (!(input instanceof InstantVector iv)) {
                throw new PromQlException(agg.op() + " expects an instant vector");
            }
            Double param = null;
            if (agg.param() != null) {
                if (!(eval(agg.param(), t) instanceof Scalar p)) {
                    throw new PromQlException(agg.op() + " expects a number as its parameter");
                }
                param = p.value();
            }
            return Aggregations.aggregate(agg.op(), iv, param, agg.grouping(), agg.without());
        } else if (expr instanceof Unary u) {
            return BinaryOperations.apply("*", eval(u.expr(), t), new Scalar(-1), false, Expr.VectorMatching.DEFAULT);
        } else if (expr instanceof Binary b) {
            return BinaryOperations.apply(b.op(), eval(b.lhs(), t), eval(b.rhs(), t), b.returnBool(), b.matching());
        }
        throw new PromQlException("cannot evaluate " + expr);
    }

    private InstantVector instantSelect(VectorSelector vs, long t) {
        long at = t - vs.offsetMillis();
        List<Sample> out = new ArrayList<>();
        for (SeriesStore.Series s : store.select(vs.matchers())) {
            int i = lastAtOrBefore(s.timestamps(), at);
            if (i >= 0 && s.timestamps()[i] > at - LOOKBACK_MILLIS) {
                out.add(new Sample(s.labels(), s.values()[i]));
            }
        }
        return new InstantVector(out);
    }

    private RangeVector rangeSelect(MatrixSelector ms, long t) {
        long end = t - ms.selector().offsetMillis();
        long start = end - ms.rangeMillis();
        List<Range> out = new ArrayList<>();
        for (SeriesStore.Series s : store.select(ms.selector().matchers())) {
            int to = lastAtOrBefore(s.timestamps(), end);
            int from = lastAtOrBefore(s.timestamps(), start - 1) + 1;
            if (to >= from) {
                out.add(new Range(
                        s.labels(),
                        java.util.Arrays.copyOfRange(s.timestamps(), from, to + 1),
                        java.util.Arrays.copyOfRange(s.values(), from, to + 1)));
            }
        }
        return new RangeVector(out, start, end);
    }

    /** Index of the last timestamp at or before {@code t}, or -1. */
    private static int lastAtOrBefore(long[] timestamps, long t) {
        int lo = 0;
        int hi = timestamps.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
