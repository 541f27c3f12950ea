package dev.canarycouncil.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Reads answers in the Prometheus HTTP API's {@code data} shape, as the MCP PromQL tools return them. */
public final class PromQlReader {

    private PromQlReader() {}

    /** The single value of an instant query, or empty when it returned no series. */
    public static OptionalDouble single(JsonNode data) {
        String type = data.path("resultType").asText();
        if ("scalar".equals(type)) {
            return OptionalDouble.of(parse(data.path("result").get(1).asText()));
        }
        JsonNode result = data.path("result");
        if (!result.isArray() || result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new IllegalArgumentException("expected one series, got " + result.size()
                    + ": aggregate the query (e.g. sum(...)) so each side is one number");
        }
        return OptionalDouble.of(parse(result.get(0).path("value").get(1).asText()));
    }

    /** The values of a range query's one series, in time order; empty when it returned none. */
    public static double[] series(JsonNode data) {
        JsonNode result = data.path("result");
        if (!result.isArray() || result.isEmpty()) {
            return new double[0];
        }
        if (result.size() > 1) {
            throw new IllegalArgumentException("expected one series, got " + result.size()
                    + ": aggregate the query (e.g. sum(...) or avg(...)) so each side is one series");
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode point : result.get(0).path("values")) {
            values.add(parse(point.get(1).asText()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A sample value as Prometheus writes it ({@code NaN}, {@code +Inf} and {@code -Inf} included). */
    static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
