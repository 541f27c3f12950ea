package dev.canarycouncil.metrics;

import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads answers in the Prometheus HTTP API's {@code data} shape, as the MCP PromQL tools return them. */
final class PromQlAnswers {

    private PromQlAnswers() {
    }

    /** The single value of an instant query, or empty when it returned no series. */
    static OptionalDouble single(JsonNode data) {
        String type = data.path("resultType").asText();
        if ("scalar".equals(type)) {
            return OptionalDouble.of(parse(data.path("result").get(1).asText()));
        }
        JsonNode result = data.path("result");
        if (!result.isArray() || result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new IllegalArgumentException("expected one series, got " + result.size());
        }
        return OptionalDouble.of(parse(result.get(0).path("value").get(1).asText()));
    }

    static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** A PromQL string literal's content, escaped. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
