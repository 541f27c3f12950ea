package dev.canarycouncil.mcp.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of a Prometheus query answer, in the Prometheus HTTP API's own JSON shape so
 * that whoever reads it can rely on Prometheus' documentation: {@code resultType} is
 * {@code vector}, {@code matrix} or {@code scalar}; sample values are strings
 * (they may be {@code NaN} or {@code +Inf}) next to Unix-second timestamps.
 */
public record QueryResult(String resultType, List<Series> series, Point scalar) {

    /** One labelled series with one point (vector) or several (matrix). */
    public record Series(Map<String, String> metric, List<Point> points) {}

    /** A sample: Unix time in milliseconds and its value. */
    public record Point(long timestampMillis, double value) {}

    public static QueryResult vector(List<Series> series) {
        return new QueryResult("vector", series, null);
    }

    public static QueryResult matrix(List<Series> series) {
        return new QueryResult("matrix", series, null);
    }

    public static QueryResult scalar(Point point) {
        return new QueryResult("scalar", List.of(), point);
    }

    /** The Prometheus API {@code data} object. */
    public Map<String, Object> toApiData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resultType", resultType);
        if ("scalar".equals(resultType)) {
            data.put("result", pair(scalar));
            return data;
        }
        List<Object> result = new ArrayList<>();
        for (Series s : series) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("metric", s.metric());
            if ("vector".equals(resultType)) {
                entry.put("value", pair(s.points().get(0)));
            } else {
                List<Object> values = new ArrayList<>(s.points().size());
                for (Point p : s.points()) {
                    values.add(pair(p));
                }
                entry.put("values", values);
            }
            result.add(entry);
        }
        data.put("result", result);
        return data;
    }

    private static List<Object> pair(Point p) {
        return List.of(p.timestampMillis() / 1000.0, formatValue(p.value()));
    }

    /** Values as Prometheus writes them. */
    static String formatValue(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
