package dev.canarycouncil.mcp.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Prometheus HTTP API answer into a {@link QueryResult}, or into a {@link ToolException}
 * whose kind says what to do next: fix the query, retry later, check the URL or the token.
 */
final class PrometheusResponseReader {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusResponseReader.class);

    private final String server;
    private final UnaryOperator<String> redactor;

    /**
     * @param server   the base URL, for messages
     * @param redactor removes secrets from any text that goes into a message
     */
    PrometheusResponseReader(String server, UnaryOperator<String> redactor) {
        this.server = server;
        this.redactor = redactor;
    }

    QueryResult read(HttpResponse<byte[]> response, String query, Duration timeout) {
        JsonNode data = readData(response, query, timeout);
        try {
            return data(data);
        } catch (Malformed e) {
            throw unexpected(response, " (" + e.getMessage() + ")");
        }
    }

    /** The {@code data} array of a series API answer: one label set per series. */
    List<Map<String, String>> readSeries(HttpResponse<byte[]> response, String selector, Duration timeout) {
        JsonNode data = readData(response, selector, timeout);
        List<Map<String, String>> series = new ArrayList<>();
        for (JsonNode entry : array(data, "data")) {
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            entry.fields()
                    .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            series.add(labels);
        }
        return series;
    }

    /** The {@code data} array of a label values answer. */
    List<String> readStrings(HttpResponse<byte[]> response, String selector, Duration timeout) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array(readData(response, selector, timeout), "data")) {
            values.add(v.asText());
        }
        return values;
    }

    private JsonNode readData(HttpResponse<byte[]> response, String query, Duration timeout) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw fail(
                    Kind.FORBIDDEN,
                    "Prometheus at " + server + " refused the query (HTTP " + status + "): "
                            + (status == 401
                                    ? "the bearer token is missing or not accepted"
                                    : "the bearer token is not allowed to query"));
        }
        if (status >= 300 && status < 400) {
            String location = response.headers()
                    .firstValue("Location")
                    .map(PrometheusResponseReader::withoutQuery)
                    .orElse("nowhere");
            throw fail(
                    Kind.UNREACHABLE,
                    "Prometheus at " + server + " answered HTTP " + status + " redirecting to " + location
                            + ", not a Prometheus API response: check the URL (scheme, host, port and path prefix)");
        }
        JsonNode root = parse(response.body());
        String outcome = root == null ? null : root.path("status").asText(null);
        if ("error".equals(outcome)) {
            throw apiError(root, status, query, timeout);
        }
        if (!"success".equals(outcome) || status != 200) {
            throw unexpected(response, "");
        }
        logWarnings(root, query);
        return root.path("data");
    }

    private ToolException apiError(JsonNode root, int status, String query, Duration timeout) {
        String type = root.path("errorType").asText("");
        String error = root.path("error").asText("(no error text)");
        return switch (type) {
            case "bad_data", "execution" ->
                fail(Kind.BAD_QUERY, "Prometheus rejected the query: " + error + " (query: " + query + ")");
            case "timeout" ->
                fail(
                        Kind.TIMEOUT,
                        "Prometheus at " + server + " gave up on the query at its " + human(timeout) + " limit: "
                                + error + " (query: " + query + ")");
            case "canceled" ->
                fail(
                        Kind.TIMEOUT,
                        "Prometheus at " + server + " canceled the query: " + error + " (query: " + query + ")");
            case "unavailable" -> fail(Kind.UNREACHABLE, "Prometheus at " + server + " is unavailable: " + error);
            default ->
                fail(
                        Kind.INTERNAL,
                        "Prometheus at " + server + " failed (HTTP " + status + ", errorType "
                                + (type.isEmpty() ? "missing" : type) + "): " + error + " (query: " + query + ")");
        };
    }

    private ToolException unexpected(HttpResponse<byte[]> response, String detail) {
        String type = response.headers()
                .firstValue("Content-Type")
                .map(t -> " (" + t + ")")
                .orElse("");
        return fail(
                Kind.UNREACHABLE,
                "Prometheus at " + server + " answered HTTP " + response.statusCode() + type
                        + ", which is not a Prometheus API response" + detail
                        + ": check the URL (scheme, host, port and any path prefix such as /prometheus)");
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void logWarnings(JsonNode root, String query) {
        JsonNode warnings = root.path("warnings");
        if (warnings.isArray() && !warnings.isEmpty()) {
            // The answer is still used; the warnings (e.g. partial remote-read data) are for whoever runs Prometheus.
            LOG.warn("Prometheus at {} warned about query {}: {}", server, query, redactor.apply(warnings.toString()));
        }
    }

    private static QueryResult data(JsonNode data) {
        String type = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        switch (type) {
            case "vector" -> {
                List<QueryResult.Series> series = new ArrayList<>();
                for (JsonNode entry : array(result, "result")) {
                    series.add(
                            new QueryResult.Series(metric(entry), List.of(point(sample(entry, "value", "histogram")))));
                }
                return QueryResult.vector(series);
            }
            case "matrix" -> {
                List<QueryResult.Series> series = new ArrayList<>();
                for (JsonNode entry : array(result, "result")) {
                    List<QueryResult.Point> points = new ArrayList<>();
                    for (JsonNode pair : array(sample(entry, "values", "histograms"), "values")) {
                        points.add(point(pair));
                    }
                    series.add(new QueryResult.Series(metric(entry), points));
                }
                return QueryResult.matrix(series);
            }
            case "scalar" -> {
                return QueryResult.scalar(point(result));
            }
            case "string" -> throw new ToolException(Kind.BAD_QUERY, "string results are not supported");
            default -> throw new Malformed("resultType '" + type + "'");
        }
    }

    private static JsonNode sample(JsonNode entry, String field, String nativeHistogramField) {
        if (!entry.has(field) && entry.has(nativeHistogramField)) {
            throw new ToolException(
                    Kind.UNSUPPORTED,
                    "native histogram samples are not supported; " + "query the classic _bucket series instead");
        }
        return entry.path(field);
    }

    private static Map<String, String> metric(JsonNode entry) {
        JsonNode metric = entry.path("metric");
        if (!metric.isObject()) {
            throw new Malformed("a series without 'metric'");
        }
        Map<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), label.getValue().asText());
        }
        return labels;
    }

    private static Iterable<JsonNode> array(JsonNode node, String what) {
        if (!node.isArray()) {
            throw new Malformed("'" + what + "' is not an array");
        }
        return node;
    }

    /** {@code [1777975800.123, "42"]}: Unix seconds and the value as Prometheus formats it. */
    private static QueryResult.Point point(JsonNode pair) {
        if (!pair.isArray()
                || pair.size() != 2
                || !pair.get(0).isNumber()
                || !pair.get(1).isTextual()) {
            throw new Malformed("a sample is not [time, \"value\"]");
        }
        long millis = pair.get(0)
                .decimalValue()
                .movePointRight(3)
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        return new QueryResult.Point(millis, value(pair.get(1).asText()));
    }

    static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new Malformed("sample value '" + text + "' is not a number");
                }
            }
        };
    }

    /** {@code 10 s}, {@code 1.5 s}, {@code 500 ms}. */
    static String human(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static String withoutQuery(String location) {
        try {
            URI uri = URI.create(location);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "an unreadable location";
        }
    }

    private ToolException fail(Kind kind, String message) {
        return new ToolException(kind, redactor.apply(message));
    }

    /** An answer that claims success but does not have the documented shape. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
