package dev.canarycouncil.mcp.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.recorded.RecordedMetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.testing.Recordings;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Prometheus backend against a real Prometheus holding a recording's series, checked
 * against the embedded evaluator answering from the same file; and against stub servers for
 * the failures a real Prometheus will not produce on demand.
 */
class PrometheusMetricsBackendTest {

    private static final String RECORDING = "5xx-spike-payments-timeout";
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final String TOKEN = "s3cret-T0ken-never-shown";

    private static RecordedRollout recording;
    private static TimeWindow window;
    private static RecordedMetricsBackend embedded;
    private static PrometheusServer server;
    private static PrometheusMetricsBackend prometheus;

    @BeforeAll
    static void start() {
        recording = RecordedRollout.load(Recordings.named(RECORDING));
        window = recording.manifest().window();
        embedded = new RecordedMetricsBackend(recording);
        // Tests that need no real Prometheus still run when it is missing; the others skip or fail in realPrometheus().
        if (PrometheusServer.available()) {
            server = PrometheusServer.start(recording.directory().resolve("metrics.om"));
            System.out.println("Prometheus over " + RECORDING + " ready in "
                    + server.startupTime().toMillis() + " ms (promtool backfill included)");
            prometheus = server.backend();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static PrometheusMetricsBackend realPrometheus() {
        PrometheusServer.assumeAvailable();
        return prometheus;
    }

    /** Queries an agent judging this canary would ask, with the recording's own names and hashes. */
    static Stream<String> agentQueries() {
        RolloutManifest m = RecordedRollout.load(Recordings.named(RECORDING)).manifest();
        String canary = "service=\"" + m.service() + "\",rollouts_pod_template_hash=\""
                + m.canary().podTemplateHash() + "\"";
        String stable = "service=\"" + m.service() + "\",rollouts_pod_template_hash=\""
                + m.stable().podTemplateHash() + "\"";
        String canaryPods = "namespace=\"" + m.namespace() + "\",pod=~\"" + m.rollout() + "-"
                + m.canary().podTemplateHash() + "-.*\"";
        String errorRatio =
                "sum(rate(http_requests_total{%s,code=~\"5..\"}[5m])) / sum(rate(http_requests_total{%s}[5m]))";
        return Stream.of(
                "sum(increase(http_requests_total{" + canary + "}[600s]))",
                "sum(increase(http_requests_total{" + canary + ",code=~\"5..\"}[600s]))",
                errorRatio.formatted(canary, canary),
                errorRatio.formatted(canary, canary) + " - " + errorRatio.formatted(stable, stable),
                "sum by (code) (rate(http_requests_total{" + canary + "}[1m]))",
                "rate(http_requests_total{" + stable + "}[2m])",
                "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{" + canary
                        + "}[5m])))",
                "histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{" + stable + "}[5m])))",
                "sum(rate(http_request_duration_seconds_sum{" + canary
                        + "}[5m])) / sum(rate(http_request_duration_seconds_count{" + canary + "}[5m]))",
                "http_request_duration_seconds_count{" + canary + "}",
                "sum(rate(container_cpu_usage_seconds_total{" + canaryPods + "}[5m]))",
                "max(container_memory_working_set_bytes{" + canaryPods + "})",
                "avg_over_time(container_memory_working_set_bytes{" + canaryPods + "}[5m])",
                "max by (pod) (kube_pod_container_status_restarts_total{" + canaryPods + "})",
                "sum(increase(kube_pod_container_status_restarts_total{" + canaryPods + "}[10m]))");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentQueries")
    void instantQueriesAgreeWithTheEmbeddedEvaluator(String query) {
        PrometheusMetricsBackend real = realPrometheus();
        // The window's end sits on a sample; the other time sits between samples, where rate() extrapolates.
        for (Instant time : List.of(window.end(), window.start().plusMillis(277_500))) {
            QueryResult expected = embedded.instant(query, time);
            assertMeaningful(expected, query);
            assertSame(query + " at " + time, expected, real.instant(query, time));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentQueries")
    void rangeQueriesAgreeWithTheEmbeddedEvaluator(String query) {
        PrometheusMetricsBackend real = realPrometheus();
        QueryResult expected = embedded.range(query, window.start(), window.end(), STEP);
        assertMeaningful(expected, query);
        assertSame(query + " over the window", expected, real.range(query, window.start(), window.end(), STEP));
    }

    @Test
    void aSelectorMatchingNothingIsAnEmptyAnswerNotAnError() {
        PrometheusMetricsBackend real = realPrometheus();
        String query = "sum(rate(http_requests_total{service=\"no-such-service\"}[5m]))";

        QueryResult instant = real.instant(query, window.end());
        assertEquals("vector", instant.resultType());
        assertTrue(instant.series().isEmpty(), instant::toString);

        QueryResult range = real.range(query, window.start(), window.end(), STEP);
        assertEquals("matrix", range.resultType());
        assertTrue(range.series().isEmpty(), range::toString);
    }

    @Test
    void scalarsAndSpecialValuesAreRead() {
        PrometheusMetricsBackend real = realPrometheus();
        Instant t = window.end().minusMillis(1_234);
        QueryResult scalar = real.instant("2 * 3", t);
        assertEquals("scalar", scalar.resultType());
        assertEquals(new QueryResult.Point(t.toEpochMilli(), 6), scalar.scalar());

        assertEquals(Double.POSITIVE_INFINITY, real.instant("1/0", t).scalar().value());
        assertEquals(Double.NEGATIVE_INFINITY, real.instant("-1/0", t).scalar().value());
        assertTrue(Double.isNaN(real.instant("0/0", t).scalar().value()));
        QueryResult vector = real.instant("vector(0) / 0", t);
        assertTrue(Double.isNaN(vector.series().get(0).points().get(0).value()), vector::toString);
    }

    @Test
    void aRangeSelectorAtOneInstantIsAMatrix() {
        PrometheusMetricsBackend real = realPrometheus();
        String query = "container_memory_working_set_bytes{pod=~\"checkout-7c9d6f5b4-.*\"}[1m]";
        assertSame(query, embedded.instant(query, window.end()), real.instant(query, window.end()));
        assertEquals("matrix", real.instant(query, window.end()).resultType());
    }

    @Test
    void badPromQlIsABadQueryWithPrometheusOwnParseError() {
        PrometheusMetricsBackend real = realPrometheus();
        for (String query : List.of("sum(rate(http_requests_total[5m])", "foo{")) {
            ToolException e = assertThrows(ToolException.class, () -> real.instant(query, window.end()));
            assertEquals(Kind.BAD_QUERY, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("parse error"), e.getMessage());
            assertTrue(e.getMessage().contains(query), e.getMessage());

            ToolException inRange =
                    assertThrows(ToolException.class, () -> real.range(query, window.start(), window.end(), STEP));
            assertEquals(Kind.BAD_QUERY, inRange.kind(), inRange.getMessage());
        }
        assertTrue(assertThrows(ToolException.class, () -> real.instant("foo{", window.end()))
                .getMessage()
                .contains("unexpected end of input inside braces"));
    }

    @Test
    void aQueryPrometheusCannotExecuteIsABadQuery() {
        PrometheusMetricsBackend real = realPrometheus();
        String query = "http_requests_total / on() group_left http_requests_total";
        ToolException e = assertThrows(ToolException.class, () -> real.instant(query, window.end()));
        assertEquals(Kind.BAD_QUERY, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("many-to-many matching not allowed"), e.getMessage());
    }

    @Test
    void stringResultsAreRefusedAsTheEmbeddedEvaluatorDoes() {
        PrometheusMetricsBackend real = realPrometheus();
        ToolException e = assertThrows(ToolException.class, () -> real.instant("\"abc\"", window.end()));
        assertEquals(Kind.BAD_QUERY, e.kind());
        assertEquals(
                e.getMessage(),
                assertThrows(ToolException.class, () -> embedded.instant("\"abc\"", window.end()))
                        .getMessage());
    }

    @Test
    void aClosedPortIsUnreachableAndNamesTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/prometheus");
        PrometheusMetricsBackend backend =
                new PrometheusMetricsBackend(url, TOKEN, Duration.ofSeconds(2), Clock.systemUTC());
        ToolException e = assertThrows(ToolException.class, () -> backend.instant("up", window.end()));
        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertEquals(
                "Prometheus at " + url + " is unreachable: cannot connect to 127.0.0.1:" + port
                        + " (connection refused or no route to host)",
                e.getMessage());
        assertNoSecrets(e);
    }

    @Test
    void anInterruptedCallKeepsTheInterruptAndSaysWhatItWasWaitingFor() {
        try (StubHttpServer silent = StubHttpServer.hanging()) {
            PrometheusMetricsBackend backend =
                    new PrometheusMetricsBackend(silent.url(), null, Duration.ofSeconds(5), Clock.systemUTC());
            Thread.currentThread().interrupt();
            ToolException e;
            try {
                e = assertThrows(ToolException.class, () -> backend.instant("up", window.end()));
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt flag is restored (and cleared here)");
            }
            assertEquals(Kind.TIMEOUT, e.kind());
            assertEquals(
                    "interrupted while waiting for Prometheus at " + silent.url() + " (query: up)", e.getMessage());
        }
    }

    @Test
    void anUnknownHostIsUnreachableAndSaysSo() {
        PrometheusMetricsBackend backend =
                PrometheusMetricsBackend.create(URI.create("http://no-such-host.invalid:9090"), null);
        ToolException e = assertThrows(ToolException.class, () -> backend.instant("up", window.end()));
        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerWithinTheLimitIsATimeout() {
        try (StubHttpServer silent = StubHttpServer.hanging()) {
            PrometheusMetricsBackend backend =
                    new PrometheusMetricsBackend(silent.url(), TOKEN, Duration.ofSeconds(1), Clock.systemUTC());
            long begin = System.nanoTime();
            ToolException e =
                    assertThrows(ToolException.class, () -> backend.range("up", window.start(), window.end(), STEP));
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            assertNoSecrets(e);
            assertEquals("1.000", form(silent.requests().get(0).body()).get("timeout"), "Prometheus' own limit");
        }
    }

    @Test
    void aWrongPathIsUnreachableWithTheStatusAndAHint() {
        PrometheusMetricsBackend real = realPrometheus();
        PrometheusMetricsBackend wrong = PrometheusMetricsBackend.create(URI.create(server.url() + "/nope"), null);
        ToolException e = assertThrows(ToolException.class, () -> wrong.instant("up", window.end()));
        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("check the URL"), e.getMessage());
        assertTrue(e.getMessage().contains(server.url() + "/nope"), e.getMessage());
        assertTrue(real.instant("vector(1)", window.end()).series().size() == 1, "the right URL still works");
    }

    @Test
    void theBearerTokenAndTheFormReachPrometheusUnderThePathPrefix() {
        String answer =
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"pod\":\"p\"},"
                        + "\"values\":[[1777975200,\"1.5\"],[1777975230.5,\"NaN\"],[1777975260,\"+Inf\"],[1777975290,\"-Inf\"]]}]}}";
        try (StubHttpServer stub = StubHttpServer.answering(200, "application/json", answer)) {
            PrometheusMetricsBackend backend = new PrometheusMetricsBackend(
                    URI.create(stub.url() + "/prometheus/"), TOKEN, Duration.ofMillis(2_500), Clock.systemUTC());
            QueryResult result = backend.range(
                    "rate(x[5m])",
                    Instant.ofEpochMilli(1_777_975_200_250L),
                    Instant.ofEpochSecond(1_777_975_800),
                    Duration.ofMillis(30_500));

            assertEquals(
                    List.of(
                            new QueryResult.Point(1_777_975_200_000L, 1.5),
                            new QueryResult.Point(1_777_975_230_500L, Double.NaN),
                            new QueryResult.Point(1_777_975_260_000L, Double.POSITIVE_INFINITY),
                            new QueryResult.Point(1_777_975_290_000L, Double.NEGATIVE_INFINITY)),
                    result.series().get(0).points());
            assertEquals(Map.of("pod", "p"), result.series().get(0).metric());

            StubHttpServer.Request request = stub.requests().get(0);
            assertEquals("POST", request.method());
            assertEquals("/prometheus/api/v1/query_range", request.path());
            assertEquals("Bearer " + TOKEN, request.authorization());
            assertEquals(
                    Map.of(
                            "query",
                            "rate(x[5m])",
                            "start",
                            "1777975200.250",
                            "end",
                            "1777975800.000",
                            "step",
                            "30.500",
                            "timeout",
                            "2.500"),
                    form(request.body()));
        }
    }

    @Test
    void theTokenNeverAppearsInAnErrorMessage() {
        // Every answer echoes the token, as a careless proxy might; none of it may reach the message.
        String echo = "Authorization: Bearer " + TOKEN;
        List<StubHttpServer> stubs = List.of(
                StubHttpServer.answering(401, "text/plain", echo),
                StubHttpServer.answering(403, "application/json", "{\"status\":\"error\",\"error\":\"" + echo + "\"}"),
                StubHttpServer.answering(404, "text/html", "<html>" + echo + "</html>"),
                StubHttpServer.answering(200, "text/html", "<html>" + echo + "</html>"),
                StubHttpServer.answering(502, "text/plain", echo),
                StubHttpServer.answering(
                        400,
                        "application/json",
                        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"" + echo + "\"}"),
                StubHttpServer.answering(
                        503,
                        "application/json",
                        "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in " + echo
                                + "\"}"),
                StubHttpServer.answering(
                        500,
                        "application/json",
                        "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"" + echo + "\"}"));
        try {
            List<Kind> kinds = new ArrayList<>();
            for (StubHttpServer stub : stubs) {
                PrometheusMetricsBackend backend =
                        new PrometheusMetricsBackend(stub.url(), TOKEN, Duration.ofSeconds(2), Clock.systemUTC());
                ToolException e = assertThrows(ToolException.class, () -> backend.instant("up", window.end()));
                assertNoSecrets(e);
                assertEquals("Bearer " + TOKEN, stub.requests().get(0).authorization());
                kinds.add(e.kind());
            }
            assertEquals(
                    List.of(
                            Kind.FORBIDDEN,
                            Kind.FORBIDDEN,
                            Kind.UNREACHABLE,
                            Kind.UNREACHABLE,
                            Kind.UNREACHABLE,
                            Kind.BAD_QUERY,
                            Kind.TIMEOUT,
                            Kind.INTERNAL),
                    kinds);
        } finally {
            stubs.forEach(StubHttpServer::close);
        }
    }

    @Test
    void prometheusGivingUpOnAQueryIsATimeoutNamingTheLimit() {
        String answer =
                "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in query execution\"}";
        try (StubHttpServer stub = StubHttpServer.answering(503, "application/json", answer)) {
            ToolException e = assertThrows(
                    ToolException.class,
                    () -> PrometheusMetricsBackend.create(stub.url(), null).instant("up", window.end()));
            assertEquals(Kind.TIMEOUT, e.kind());
            assertEquals(
                    "Prometheus at " + stub.url() + " gave up on the query at its 10 s limit: "
                            + "query timed out in query execution (query: up)",
                    e.getMessage());
        }
    }

    @Test
    void anAnswerWithoutTheDocumentedShapeIsUnreachable() {
        try (StubHttpServer stub = StubHttpServer.answering(
                200,
                "application/json",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,2]}]}}")) {
            ToolException e = assertThrows(
                    ToolException.class,
                    () -> PrometheusMetricsBackend.create(stub.url(), null).instant("up", window.end()));
            assertEquals(Kind.UNREACHABLE, e.kind());
            assertTrue(
                    e.getMessage().contains("HTTP 200") && e.getMessage().contains("not [time, \"value\"]"),
                    e.getMessage());
        }
    }

    @Test
    void nativeHistogramSamplesAreRefusedByName() {
        String answer = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                + "\"histogram\":[1777975800,{\"count\":\"3\",\"sum\":\"1.5\",\"buckets\":[]}]}]}}";
        try (StubHttpServer stub = StubHttpServer.answering(200, "application/json", answer)) {
            ToolException e = assertThrows(
                    ToolException.class,
                    () -> PrometheusMetricsBackend.create(stub.url(), null).instant("lat", window.end()));
            assertEquals(Kind.UNSUPPORTED, e.kind());
            assertTrue(e.getMessage().contains("native histogram"), e.getMessage());
        }
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PrometheusMetricsBackend.create(URI.create("http://admin:" + TOKEN + "@prometheus:9090"), null));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void theMcpToolsAnswerAlikeOverBothBackends() {
        realPrometheus();
        // A fixed clock at the window's end makes "now" mean what it means for the recording.
        PrometheusMetricsBackend atWindowEnd = new PrometheusMetricsBackend(
                server.url(),
                null,
                PrometheusMetricsBackend.DEFAULT_TIMEOUT,
                Clock.fixed(window.end(), ZoneOffset.UTC));
        String query = "max by (pod) (container_memory_working_set_bytes{namespace=\"shop\"})";
        Map<String, Object> instantArgs = Map.of("query", query);
        Map<String, Object> rangeArgs = Map.of(
                "query",
                query,
                "start",
                window.start().toString(),
                "end",
                window.end().toString(),
                "step",
                "1m");
        for (String tool : List.of("promql_query", "promql_query_range")) {
            Map<String, Object> args = tool.equals("promql_query") ? instantArgs : rangeArgs;
            McpSchema.CallToolResult expected = call(new PrometheusTools(embedded), tool, args);
            McpSchema.CallToolResult actual = call(new PrometheusTools(atWindowEnd), tool, args);
            assertFalse(Boolean.TRUE.equals(actual.isError()), actual::toString);
            assertEquals(sortedResult(expected.structuredContent()), sortedResult(actual.structuredContent()), tool);
        }
        McpSchema.CallToolResult bad = call(new PrometheusTools(atWindowEnd), "promql_query", Map.of("query", "foo{"));
        assertTrue(Boolean.TRUE.equals(bad.isError()));
        String text = ((McpSchema.TextContent) bad.content().get(0)).text();
        assertTrue(text.startsWith("[bad-query] Prometheus rejected the query: "), text);
    }

    @Test
    void seriesAndLabelValuesAnswerAlikeOverBothBackends() {
        realPrometheus();
        PrometheusMetricsBackend prometheus = new PrometheusMetricsBackend(
                server.url(),
                null,
                PrometheusMetricsBackend.DEFAULT_TIMEOUT,
                Clock.fixed(window.end(), ZoneOffset.UTC));
        List<String> selectors = List.of(
                "http_requests_total{service=\"checkout\"}",
                "kube_pod_container_status_restarts_total",
                "{namespace=\"shop\",pod=~\".+-7c9d6f5b4-.+\"}",
                "no_such_metric");
        List<SeriesMatch> expected = embedded.series(selectors, window.start(), window.end(), 100);
        List<SeriesMatch> actual = prometheus.series(selectors, window.start(), window.end(), 100);
        for (int i = 0; i < selectors.size(); i++) {
            assertEquals(expected.get(i).count(), actual.get(i).count(), selectors.get(i));
            assertEquals(
                    new java.util.HashSet<>(expected.get(i).series()),
                    new java.util.HashSet<>(actual.get(i).series()),
                    selectors.get(i));
        }
        assertTrue(actual.get(0).count() > 0 && actual.get(3).count() == 0);
        assertEquals(
                embedded.labelValues("pod", "http_requests_total", window.start(), window.end()),
                prometheus.labelValues("pod", "http_requests_total", window.start(), window.end()));
        ToolException bad = assertThrows(
                ToolException.class, () -> prometheus.series(List.of("sum(up)"), window.start(), window.end(), 10));
        assertEquals(Kind.BAD_QUERY, bad.kind());
    }

    @Test
    void withoutASourceEveryCallSaysNotConfigured() {
        NoMetricsBackend none = new NoMetricsBackend();
        for (Executable call : List.<Executable>of(
                () -> none.instant("up", window.end()),
                () -> none.series(List.of("up"), window.start(), window.end(), 1),
                () -> none.labelValues("pod", "up", window.start(), window.end()))) {
            ToolException e = assertThrows(ToolException.class, call);
            assertEquals(Kind.NOT_CONFIGURED, e.kind());
            assertTrue(e.clientText().startsWith("[not-configured] no Prometheus is configured"), e.clientText());
        }
    }

    @Test
    void describesItselfWithoutTheToken() {
        PrometheusMetricsBackend backend =
                PrometheusMetricsBackend.create(URI.create("http://prometheus:9090/prom/"), TOKEN);
        assertEquals("Prometheus at http://prometheus:9090/prom", backend.description());
        assertEquals(
                Instant.parse("2026-05-05T10:10:00Z"),
                new PrometheusMetricsBackend(
                                backend.baseUrl(),
                                null,
                                Duration.ofSeconds(1),
                                Clock.fixed(Instant.parse("2026-05-05T10:10:00Z"), ZoneOffset.UTC))
                        .now());
    }

    // --- helpers ---

    private static McpSchema.CallToolResult call(PrometheusTools tools, String name, Map<String, Object> args) {
        SyncToolSpecification spec = tools.specifications().stream()
                .filter(s -> s.tool().name().equals(name))
                .findFirst()
                .orElseThrow();
        return spec.callHandler().apply(null, new McpSchema.CallToolRequest(name, args));
    }

    /** Series in a fixed order: Prometheus and the embedded evaluator may list them differently. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sortedResult(Object structured) {
        Map<String, Object> data = new TreeMap<>((Map<String, Object>) structured);
        List<Map<String, Object>> result = new ArrayList<>((List<Map<String, Object>>) data.get("result"));
        result.sort(java.util.Comparator.comparing(r -> r.get("metric").toString()));
        data.put("result", result);
        return data;
    }

    private static void assertMeaningful(QueryResult expected, String query) {
        assertTrue(
                expected.scalar() != null || !expected.series().isEmpty(),
                "the recording has no data for " + query + ": the comparison would prove nothing");
    }

    /** Same type, same series, same timestamps, values within {@link #RELATIVE_TOLERANCE} (NaN equals NaN). */
    private static void assertSame(String what, QueryResult expected, QueryResult actual) {
        List<String> differences = new ArrayList<>();
        if (!expected.resultType().equals(actual.resultType())) {
            differences.add("resultType: embedded " + expected.resultType() + ", Prometheus " + actual.resultType());
        }
        if (expected.scalar() != null || actual.scalar() != null) {
            comparePoints(
                    "scalar",
                    expected.scalar() == null ? List.of() : List.of(expected.scalar()),
                    actual.scalar() == null ? List.of() : List.of(actual.scalar()),
                    differences);
        }
        Map<Map<String, String>, List<QueryResult.Point>> want = bySeries(expected);
        Map<Map<String, String>, List<QueryResult.Point>> got = bySeries(actual);
        for (var e : want.entrySet()) {
            if (!got.containsKey(e.getKey())) {
                differences.add("series " + e.getKey() + " only from the embedded evaluator: " + e.getValue());
            } else {
                comparePoints("series " + e.getKey(), e.getValue(), got.get(e.getKey()), differences);
            }
        }
        for (var e : got.entrySet()) {
            if (!want.containsKey(e.getKey())) {
                differences.add("series " + e.getKey() + " only from Prometheus: " + e.getValue());
            }
        }
        assertTrue(differences.isEmpty(), () -> what + " differs:\n  " + String.join("\n  ", differences));
    }

    private static Map<Map<String, String>, List<QueryResult.Point>> bySeries(QueryResult r) {
        return r.series().stream()
                .collect(Collectors.toMap(s -> new TreeMap<>(s.metric()), QueryResult.Series::points, (a, b) -> {
                    throw new AssertionError("two series with the same labels in " + r);
                }));
    }

    private static void comparePoints(
            String what, List<QueryResult.Point> want, List<QueryResult.Point> got, List<String> differences) {
        List<Long> wantTimes =
                want.stream().map(QueryResult.Point::timestampMillis).toList();
        List<Long> gotTimes =
                got.stream().map(QueryResult.Point::timestampMillis).toList();
        if (!wantTimes.equals(gotTimes)) {
            differences.add(what + " timestamps: embedded " + seconds(wantTimes) + ", Prometheus " + seconds(gotTimes));
            return;
        }
        for (int i = 0; i < want.size(); i++) {
            double a = want.get(i).value();
            double b = got.get(i).value();
            if (!close(a, b)) {
                differences.add(what + " at " + Instant.ofEpochMilli(wantTimes.get(i)) + ": embedded " + a
                        + ", Prometheus " + b);
            }
        }
    }

    private static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private static List<String> seconds(List<Long> millis) {
        return millis.stream().map(m -> PrometheusMetricsBackend.seconds(m)).toList();
    }

    private static Map<String, String> form(String body) {
        return Stream.of(body.split("&"))
                .map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(
                        kv -> java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                        kv -> java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void assertNoSecrets(ToolException e) {
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertFalse(e.clientText().contains(TOKEN), e.clientText());
        Throwable cause = e.getCause();
        while (cause != null) {
            assertFalse(String.valueOf(cause.getMessage()).contains(TOKEN), cause.toString());
            cause = cause.getCause();
        }
    }
}
