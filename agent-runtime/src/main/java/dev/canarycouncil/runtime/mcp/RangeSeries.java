package dev.canarycouncil.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One series of a {@code promql_query_range} answer, as points, and the words that sum it up. */
public final class RangeSeries {

    private RangeSeries() {}

    /** The first series' points as [epoch seconds, value], NaN samples dropped; empty without a series. */
    public static List<double[]> points(JsonNode data) {
        List<double[]> points = new ArrayList<>();
        JsonNode result = data.path("result");
        if (result.isArray() && !result.isEmpty()) {
            for (JsonNode p : result.get(0).path("values")) {
                double value = PromQlReader.parse(p.get(1).asText());
                if (!Double.isNaN(value)) {
                    points.add(new double[] {p.get(0).asDouble(), value});
                }
            }
        }
        return points;
    }

    /** "median 0.1234 (min …, max …, N points)", or "no data". */
    public static String summary(List<double[]> points) {
        if (points.isEmpty()) {
            return "no data";
        }
        double[] values = points.stream().mapToDouble(p -> p[1]).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "median %.4g (min %.4g, max %.4g, %d points)",
                values[values.length / 2],
                values[0],
                values[values.length - 1],
                values.length);
    }
}
