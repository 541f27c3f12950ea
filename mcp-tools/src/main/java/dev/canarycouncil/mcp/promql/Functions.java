package dev.canarycouncil.mcp.promql;

import dev.canarycouncil.mcp.promql.Value.InstantVector;
import dev.canarycouncil.mcp.promql.Value.Range;
import dev.canarycouncil.mcp.promql.Value.RangeVector;
import dev.canarycouncil.mcp.promql.Value.Sample;
import dev.canarycouncil.mcp.promql.Value.Scalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The PromQL functions the recorded backend supports, computed as Prometheus 2.x does. */
final class Functions {

    private Functions() {}

    static Value call(String name, List<Value> args, long evalTime) {
        return switch (name) {
            case "rate" ->
                perSeries(range(name, args, 0), 2, (r, v) -> extrapolated(r, true, true, v.start(), v.end()));
            case "increase" ->
                perSeries(range(name, args, 0), 2, (r, v) -> extrapolated(r, true, false, v.start(), v.end()));
            case "delta" ->
                perSeries(range(name, args, 0), 2, (r, v) -> extrapolated(r, false, false, v.start(), v.end()));
            case "irate" -> perSeries(range(name, args, 0), 2, (r, v) -> instantRate(r, true));
            case "idelta" -> perSeries(range(name, args, 0), 2, (r, v) -> instantRate(r, false));
            case "avg_over_time" ->
                perSeries(
                        range(name, args, 0),
                        1,
                        (r, v) -> Arrays.stream(r.values()).average().orElse(Double.NaN));
            case "sum_over_time" ->
                perSeries(
                        range(name, args, 0),
                        1,
                        (r, v) -> Arrays.stream(r.values()).sum());
            case "min_over_time" ->
                perSeries(
                        range(name, args, 0),
                        1,
                        (r, v) -> Arrays.stream(r.values()).min().orElse(Double.NaN));
            case "max_over_time" ->
                perSeries(
                        range(name, args, 0),
                        1,
                        (r, v) -> Arrays.stream(r.values()).max().orElse(Double.NaN));
            case "count_over_time" -> perSeries(range(name, args, 0), 1, (r, v) -> r.size());
            case "last_over_time" -> perSeries(range(name, args, 0), 1, (r, v) -> r.values()[r.size() - 1]);
            case "stddev_over_time" -> perSeries(range(name, args, 0), 1, (r, v) -> Math.sqrt(variance(r.values())));
            case "quantile_over_time" -> {
                double q = scalar(name, args, 0);
                yield perSeries(range(name, args, 1), 1, (r, v) -> Aggregations.quantile(q, r.values()));
            }
            case "histogram_quantile" -> histogramQuantile(scalar(name, args, 0), vector(name, args, 1));
            case "abs" -> map(name, args, Math::abs);
            case "ceil" -> map(name, args, Math::ceil);
            case "floor" -> map(name, args, Math::floor);
            case "sqrt" -> map(name, args, Math::sqrt);
            case "exp" -> map(name, args, Math::exp);
            case "ln" -> map(name, args, Math::log);
            case "log2" -> map(name, args, v -> Math.log(v) / Math.log(2));
            case "log10" -> map(name, args, Math::log10);
            case "round" -> {
                double to = args.size() > 1 ? scalar(name, args, 1) : 1;
                yield map(name, args.subList(0, 1), v -> Math.floor(v / to + 0.5) * to);
            }
            case "clamp_min" -> {
                double min = scalar(name, args, 1);
                yield map(name, args.subList(0, 1), v -> Math.max(v, min));
            }
            case "clamp_max" -> {
                double max = scalar(name, args, 1);
                yield map(name, args.subList(0, 1), v -> Math.min(v, max));
            }
            case "clamp" -> {
                double min = scalar(name, args, 1);
                double max = scalar(name, args, 2);
                yield map(name, args.subList(0, 1), v -> min > max ? Double.NaN : Math.max(min, Math.min(max, v)));
            }
            case "scalar" -> {
                List<Sample> samples = vector(name, args, 0).samples();
                yield new Scalar(samples.size() == 1 ? samples.get(0).value() : Double.NaN);
            }
            case "vector" -> new InstantVector(List.of(new Sample(Labels.EMPTY, scalar(name, args, 0))));
            case "time" -> new Scalar(evalTime / 1000.0);
            default -> throw new PromQlException("function " + name + "() is not supported by the recorded backend");
        };
    }

    /**
     * Prometheus 2.x {@code extrapolatedRate}: the increase between the first and last sample in
     * the range, corrected for counter resets and extrapolated towards the range boundaries.
     */
    static double extrapolated(Range r, boolean isCounter, boolean isRate, long rangeStart, long rangeEnd) {
        int n = r.size();
        if (n < 2) {
            return Double.NaN;
        }
        double[] v = r.values();
        long[] t = r.timestamps();
        double correction = 0;
        double last = v[0];
        for (int i = 1; i < n; i++) {
            if (isCounter && v[i] < last) {
                correction += last;
            }
            last = v[i];
        }
        double result = last - v[0] + correction;
        double durationToStart = (t[0] - rangeStart) / 1000.0;
        double durationToEnd = (rangeEnd - t[n - 1]) / 1000.0;
        double sampled = (t[n - 1] - t[0]) / 1000.0;
        double averageBetween = sampled / (n - 1);
        if (isCounter && result > 0 && v[0] >= 0) {
            double durationToZero = sampled * (v[0] / result);
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        double threshold = averageBetween * 1.1;
        double interval = sampled;
        interval += durationToStart < threshold ? durationToStart : averageBetween / 2;
        interval += durationToEnd < threshold ? durationToEnd : averageBetween / 2;
        result = result * (interval / sampled);
        if (isRate) {
            result = result / ((rangeEnd - rangeStart) / 1000.0);
        }
        return result;
    }

    private static double instantRate(Range r, boolean isRate) {
        int n = r.size();
        double last = r.values()[n - 1];
        double previous = r.values()[n - 2];
        double result = isRate && last < previous ? last : last - previous;
        if (!isRate) {
            return result;
        }
        double seconds = (r.timestamps()[n - 1] - r.timestamps()[n - 2]) / 1000.0;
        return seconds == 0 ? Double.NaN : result / seconds;
    }

    /** Prometheus' bucket interpolation over {@code le}-labelled cumulative counts. */
    static Value histogramQuantile(double q, InstantVector buckets) {
        Map<Labels, List<double[]>> groups = new LinkedHashMap<>();
        for (Sample s : buckets.samples()) {
            String le = s.labels().get("le");
            if (le == null) {
                continue;
            }
            double upper;
            try {
                upper = OpenMetricsReader.parseValue(le);
            } catch (PromQlException e) {
                continue;
            }
            groups.computeIfAbsent(s.labels().withoutName().without(List.of("le")), k -> new ArrayList<>())
                    .add(new double[] {upper, s.value()});
        }
        List<Sample> out = new ArrayList<>();
        groups.forEach((labels, list) -> out.add(new Sample(labels, bucketQuantile(q, list))));
        return new InstantVector(out);
    }

    static double bucketQuantile(double q, List<double[]> buckets) {
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        buckets.sort(Comparator.comparingDouble(b -> b[0]));
        if (buckets.size() < 2 || !Double.isInfinite(buckets.get(buckets.size() - 1)[0])) {
            return Double.NaN;
        }
        // Counts scraped at slightly different times can dip; Prometheus forces them monotonic.
        double max = Double.NEGATIVE_INFINITY;
        for (double[] b : buckets) {
            if (b[1] > max) {
                max = b[1];
            } else {
                b[1] = max;
            }
        }
        double observations = buckets.get(buckets.size() - 1)[1];
        if (observations == 0 || Double.isNaN(observations)) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b)[1] < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return buckets.get(buckets.size() - 2)[0];
        }
        if (b == 0 && buckets.get(0)[0] <= 0) {
            return buckets.get(0)[0];
        }
        double bucketStart = 0;
        double bucketEnd = buckets.get(b)[0];
        double count = buckets.get(b)[1];
        if (b > 0) {
            bucketStart = buckets.get(b - 1)[0];
            count -= buckets.get(b - 1)[1];
            rank -= buckets.get(b - 1)[1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    static double variance(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / values.length;
    }

    /** A per-series computation over a range; {@code vector} gives the window bounds. */
    @FunctionalInterface
    private interface RangeFunction {
        double apply(Range range, RangeVector vector);
    }

    /** Series with fewer than {@code minSamples} samples produce no output, as in Prometheus. */
    private static Value perSeries(RangeVector vector, int minSamples, RangeFunction f) {
        List<Sample> out = new ArrayList<>();
        for (Range r : vector.series()) {
            if (r.size() >= minSamples) {
                out.add(new Sample(r.labels().withoutName(), f.apply(r, vector)));
            }
        }
        return new InstantVector(out);
    }

    private static Value map(String name, List<Value> args, DoubleUnaryOperator f) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : vector(name, args, 0).samples()) {
            out.add(new Sample(s.labels().withoutName(), f.applyAsDouble(s.value())));
        }
        return new InstantVector(out);
    }

    private static RangeVector range(String name, List<Value> args, int index) {
        Value v = arg(name, args, index);
        if (!(v instanceof RangeVector rv)) {
            throw new PromQlException(name + "() expects a range vector such as metric[5m] as argument " + (index + 1));
        }
        return rv;
    }

    private static InstantVector vector(String name, List<Value> args, int index) {
        Value v = arg(name, args, index);
        if (!(v instanceof InstantVector iv)) {
            throw new PromQlException(name + "() expects an instant vector as argument " + (index + 1));
        }
        return iv;
    }

    private static double scalar(String name, List<Value> args, int index) {
        Value v = arg(name, args, index);
        if (!(v instanceof Scalar s)) {
            throw new PromQlException(name + "() expects a number as argument " + (index + 1));
        }
        return s.value();
    }

    private static Value arg(String name, List<Value> args, int index) {
        if (index >= args.size()) {
            throw new PromQlException(name + "() needs at least " + (index + 1) + " argument(s)");
        }
        return args.get(index);
    }
}
