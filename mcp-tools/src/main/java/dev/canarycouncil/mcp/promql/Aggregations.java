package dev.canarycouncil.mcp.promql;

import dev.canarycouncil.mcp.promql.Value.InstantVector;
import dev.canarycouncil.mcp.promql.Value.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PromQL aggregation operators over an instant vector. */
final class Aggregations {

    private Aggregations() {}

    static InstantVector aggregate(
            String op, InstantVector input, Double param, List<String> grouping, boolean without) {
        Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : input.samples()) {
            Labels key = without
                    ? s.labels().withoutName().without(grouping)
                    : s.labels().only(grouping);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<Labels, List<Sample>> g : groups.entrySet()) {
            List<Sample> members = g.getValue();
            double[] values = members.stream().mapToDouble(Sample::value).toArray();
            switch (op) {
                case "sum" ->
                    out.add(new Sample(g.getKey(), Arrays.stream(values).sum()));
                case "avg" ->
                    out.add(new Sample(
                            g.getKey(), Arrays.stream(values).average().orElse(Double.NaN)));
                case "min" -> out.add(new Sample(g.getKey(), minIgnoringNaN(values)));
                case "max" ->
                    out.add(new Sample(
                            g.getKey(),
                            -minIgnoringNaN(Arrays.stream(values).map(v -> -v).toArray())));
                case "count" -> out.add(new Sample(g.getKey(), values.length));
                case "group" -> out.add(new Sample(g.getKey(), 1));
                case "stddev" -> out.add(new Sample(g.getKey(), Math.sqrt(Functions.variance(values))));
                case "stdvar" -> out.add(new Sample(g.getKey(), Functions.variance(values)));
                case "quantile" -> out.add(new Sample(g.getKey(), quantile(param, values)));
                case "topk", "bottomk" -> {
                    Comparator<Sample> order = Comparator.comparingDouble(Sample::value);
                    List<Sample> sorted = new ArrayList<>(members);
                    sorted.sort(op.equals("topk") ? order.reversed() : order);
                    out.addAll(sorted.subList(0, (int) Math.max(0, Math.min(param, sorted.size()))));
                }
                default -> throw new PromQlException("aggregation " + op + " is not supported by the recorded backend");
            }
        }
        return new InstantVector(out);
    }

    /** Prometheus' quantile: linear interpolation between the closest ranks. */
    static double quantile(double q, double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = q * (sorted.length - 1);
        int lower = (int) Math.max(0, Math.floor(rank));
        int upper = (int) Math.min(sorted.length - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return sorted[lower] * (1 - weight) + sorted[upper] * weight;
    }

    private static double minIgnoringNaN(double[] values) {
        double min = Double.NaN;
        for (double v : values) {
            if (Double.isNaN(min) || v < min) {
                min = v;
            }
        }
        return min;
    }
}
