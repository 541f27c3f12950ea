package dev.canarycouncil.mcp.prometheus;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.http.HttpLimits;
import dev.canarycouncil.runtime.http.OutboundHttp;
import dev.canarycouncil.runtime.http.ResponseTooLargeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Answers PromQL from a Prometheus server over its HTTP API ({@code POST /api/v1/query} and
 * {@code /api/v1/query_range}). Every call is bounded by one limit, sent both as the HTTP request
 * timeout and as Prometheus' own {@code timeout} parameter so that Prometheus stops working on a
 * query nobody waits for any more. The optional bearer token goes into the {@code Authorization}
 * header only: it never reaches a log line or an error message.
 */
public final class PrometheusMetricsBackend implements MetricsBackend {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final String server;
    private final String bearerToken;
    private final Duration timeout;
    private final Clock clock;
    private final HttpLimits limits;
    private final HttpClient http;
    private final PrometheusResponseReader reader;

    /**
     * @param baseUrl     where Prometheus serves its API, with any path prefix, e.g.
     *                    {@code http://prometheus:9090} or {@code https://host/prometheus}
     * @param bearerToken sent as {@code Authorization: Bearer ...}; null for none
     * @param timeout     the limit of one call
     * @param clock       what {@link #now()} reads; a fixed clock suits Prometheus holding backfilled data
     */
    public PrometheusMetricsBackend(URI baseUrl, String bearerToken, Duration timeout, Clock clock) {
        this.baseUrl = checkUrl(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.server = withoutTrailingSlash(baseUrl.toString());
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() == 0) {
            throw new IllegalArgumentException("the Prometheus timeout must be at least 1 ms, was " + timeout);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        // A redirect would turn our POST into a GET; better to say where the server points.
        this.limits = HttpLimits.of(timeout, timeout);
        this.http = OutboundHttp.client(limits);
        this.reader = new PrometheusResponseReader(server, this::redact);
    }

    /** With the default limit of 10 seconds per call and the wall clock. */
    public static PrometheusMetricsBackend create(URI baseUrl, String bearerToken) {
        return new PrometheusMetricsBackend(baseUrl, bearerToken, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /** Where the metrics come from, for logs and descriptions: never includes the token. */
    public String description() {
        return "Prometheus at " + server;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public QueryResult instant(String query, Instant time) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("time", seconds(time.toEpochMilli()));
        form.put("timeout", seconds(timeout.toMillis()));
        return reader.read(post("/api/v1/query", form, query), query, timeout);
    }

    @Override
    public QueryResult range(String query, Instant start, Instant end, Duration step) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("start", seconds(start.toEpochMilli()));
        form.put("end", seconds(end.toEpochMilli()));
        form.put("step", seconds(step.toMillis()));
        form.put("timeout", seconds(timeout.toMillis()));
        return reader.read(post("/api/v1/query_range", form, query), query, timeout);
    }

    /** One series API call per selector, so each selector's own count is known. */
    @Override
    public java.util.List<SeriesMatch> series(java.util.List<String> selectors, Instant start, Instant end, int limit) {
        java.util.List<SeriesMatch> matches = new java.util.ArrayList<>();
        for (String selector : selectors) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("match[]", selector);
            form.put("start", seconds(start.toEpochMilli()));
            form.put("end", seconds(end.toEpochMilli()));
            java.util.List<Map<String, String>> found =
                    reader.readSeries(post("/api/v1/series", form, selector), selector, timeout);
            matches.add(new SeriesMatch(
                    selector, found.size(), found.stream().limit(limit).toList()));
        }
        return matches;
    }

    @Override
    public java.util.List<String> labelValues(String label, String selector, Instant start, Instant end) {
        if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new ToolException(Kind.INVALID_ARGUMENT, "'" + label + "' is not a label name");
        }
        String query = "match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8) + "&start="
                + seconds(start.toEpochMilli()) + "&end=" + seconds(end.toEpochMilli());
        return reader.readStrings(
                send(
                        HttpRequest.newBuilder(URI.create(server + "/api/v1/label/" + label + "/values?" + query))
                                .GET(),
                        selector),
                selector,
                timeout);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    private HttpResponse<byte[]> post(String apiPath, Map<String, String> form, String query) {
        return send(
                HttpRequest.newBuilder(URI.create(server + apiPath))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formBody(form))),
                query);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String query) {
        request.timeout(timeout).header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return http.send(request.build(), OutboundHttp.cappedBytes(limits, "the answer of " + description()));
        } catch (HttpConnectTimeoutException e) {
            throw fail(
                    Kind.TIMEOUT,
                    description() + " did not accept a connection within " + PrometheusResponseReader.human(timeout)
                            + " (query: " + query + ")");
        } catch (HttpTimeoutException e) {
            throw fail(
                    Kind.TIMEOUT,
                    description() + " did not answer within " + PrometheusResponseReader.human(timeout) + " (query: "
                            + query + ")");
        } catch (IOException e) {
            if (e.getCause() instanceof ResponseTooLargeException tooLarge) {
                // Not a network fault: the query selects more than one call should carry. Narrower is the fix.
                throw fail(
                        Kind.BAD_QUERY,
                        tooLarge.getMessage() + "; narrow the query's selector or range (query: " + query + ")");
            }
            throw fail(Kind.UNREACHABLE, description() + " is unreachable: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(Kind.TIMEOUT, "interrupted while waiting for " + description() + " (query: " + query + ")");
        }
    }

    /**
     * The JDK wraps the useful part in causes whose messages are often null: on JDK 17 a refused
     * connection is three exceptions deep without a single message.
     */
    private String reason(IOException e) {
        boolean connect = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return "unknown host " + baseUrl.getHost();
            }
            connect |= t instanceof java.net.ConnectException;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        if (connect) {
            int port = baseUrl.getPort() != -1
                    ? baseUrl.getPort()
                    : "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
            return "cannot connect to " + baseUrl.getHost() + ":" + port + " (connection refused or no route to host)";
        }
        return e.getClass().getSimpleName();
    }

    private ToolException fail(Kind kind, String message) {
        return new ToolException(kind, redact(message));
    }

    /** Whatever a server or proxy echoes back, the token must not travel on in an error message. */
    private String redact(String text) {
        return bearerToken == null || text == null ? text : text.replace(bearerToken, "***");
    }

    /** Unix seconds with millisecond precision, as Prometheus reads {@code time}, {@code step} and {@code timeout}. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static URI checkUrl(URI url) {
        if (url.getRawUserInfo() != null) {
            // It would end up in every error message; credentials belong in the bearer token.
            throw new IllegalArgumentException(
                    "the Prometheus URL must not contain credentials; pass a bearer token instead");
        }
        String scheme = url.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("the Prometheus URL must be http(s)://host[:port][/prefix], was " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("the Prometheus URL must not have a query or fragment, was " + url);
        }
        return url;
    }

    private static String withoutTrailingSlash(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
