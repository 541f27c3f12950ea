package dev.canarycouncil.mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.mcp.code.LocalRepositoryCodeBackend;
import dev.canarycouncil.mcp.recorded.RecordedClusterBackend;
import dev.canarycouncil.mcp.recorded.RecordedMetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.testing.ToolCalls;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the MCP server over real HTTP with the official MCP Java SDK client. */
class McpToolServerTest {

    private static Vertx vertx;
    private static HttpEndpoint endpoint;
    private static McpToolServer server;
    private static McpSyncClient client;
    private static RecordedRollout recording;

    @BeforeAll
    static void start() {
        recording = RecordedRollout.load(Recordings.named("go-panic-index-out-of-range"));
        vertx = Vertx.vertx();
        endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        server = new McpToolServer(
                new RecordedClusterBackend(recording),
                new RecordedMetricsBackend(recording),
                new LocalRepositoryCodeBackend(recording.repository()),
                Duration.ofSeconds(30));
        server.mount(endpoint.router());
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder(endpoint.baseUrl())
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        client.closeGracefully();
        server.close();
        endpoint.close();
        vertx.close();
    }

    private static JsonNode call(String tool, Map<String, Object> args) {
        return ToolCalls.call(client, tool, args);
    }

    private static String errorText(String tool, Map<String, Object> args) {
        return ToolCalls.error(client, tool, args);
    }

    @Test
    void listsEveryReadOnlyTool() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        List<String> names = tools.stream().map(McpSchema.Tool::name).sorted().toList();
        assertEquals(
                List.of(
                        "get_pod_logs",
                        "get_pod_status",
                        "get_rollout_status",
                        "list_events",
                        "list_pods",
                        "promql_label_values",
                        "promql_query",
                        "promql_query_range",
                        "promql_series",
                        "read_file",
                        "resolve_flagger_canary",
                        "resolve_rollout_pods",
                        "search_code"),
                names);
        assertTrue(
                tools.stream().allMatch(t -> Boolean.TRUE.equals(t.annotations().readOnlyHint())));
    }

    @Test
    void listsPodsBySelector() {
        JsonNode pods = call(
                        "list_pods", Map.of("namespace", "shop", "selector", "rollouts-pod-template-hash=7c9d6f5b4"))
                .get("pods");
        assertEquals(1, pods.size());
        assertTrue(pods.get(0).get("name").asText().startsWith("checkout-7c9d6f5b4-"));
        assertEquals(
                3,
                call("list_pods", Map.of("namespace", "shop", "selector", "rollouts-pod-template-hash!=7c9d6f5b4"))
                        .get("pods")
                        .size());
    }

    @Test
    void resolvesACanaryHashToBothSides() {
        JsonNode resolved = call("resolve_rollout_pods", Map.of("namespace", "shop", "podName", "7c9d6f5b4"));
        assertEquals("checkout", resolved.get("rollout").asText());
        assertEquals("5f7d8c9b6", resolved.get("stable").get("podTemplateHash").asText());
        assertEquals(3, resolved.get("stable").get("pods").size());
        assertEquals("2026-05-05T10:00:00Z", resolved.get("window").get("start").asText());
    }

    @Test
    void aRecordingAnswersForItsRolloutAsAFlaggerCanaryToo() {
        JsonNode resolved = call("resolve_flagger_canary", Map.of("namespace", "shop", "canary", "checkout"));
        assertEquals("7c9d6f5b4", resolved.get("canary").get("podTemplateHash").asText());
        assertEquals("5f7d8c9b6", resolved.get("stable").get("podTemplateHash").asText());
        McpSchema.CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest(
                "resolve_flagger_canary", Map.of("namespace", "shop", "canary", "payments")));
        assertTrue(unknown.isError());
        assertTrue(
                unknown.content().toString().contains("canary payments not found"),
                unknown.content().toString());
    }

    @Test
    void readsCurrentAndPreviousContainerLogsWithTail() {
        String canary = recording.pods().stream()
                .map(p -> p.name())
                .filter(n -> n.contains("7c9d6f5b4"))
                .findFirst()
                .orElseThrow();
        JsonNode previous = call("get_pod_logs", Map.of("namespace", "shop", "pod", canary, "previous", true))
                .get("logs");
        assertEquals(1, previous.size());
        assertTrue(previous.get(0).get("text").asText().contains("panic: runtime error: index out of range"));
        JsonNode tail = call("get_pod_logs", Map.of("namespace", "shop", "pod", canary, "tailLines", 3))
                .get("logs")
                .get(0);
        assertEquals(3, tail.get("lineCount").asInt());
        JsonNode capped = call("get_pod_logs", Map.of("namespace", "shop", "pod", canary, "limitBytes", 200))
                .get("logs")
                .get(0);
        assertTrue(capped.get("truncated").asBoolean());
        assertTrue(capped.get("text").asText().length() <= 200);
    }

    @Test
    void reportsPodStatusAndEvents() {
        String canary = recording.pods().stream()
                .map(p -> p.name())
                .filter(n -> n.contains("7c9d6f5b4"))
                .findFirst()
                .orElseThrow();
        JsonNode status = call("get_pod_status", Map.of("namespace", "shop", "pod", canary));
        JsonNode container = status.get("containers").get(0);
        assertTrue(container.get("restartCount").asInt() > 1);
        assertEquals("Error", container.get("lastTerminationReason").asText());
        JsonNode events = call("list_events", Map.of("namespace", "shop", "involvedObject", canary))
                .get("events");
        assertTrue(events.findValuesAsText("reason").contains("BackOff"));
    }

    @Test
    void answersPromQlInThePrometheusApiShape() {
        JsonNode instant = call(
                "promql_query",
                Map.of(
                        "query",
                                "sum by (rollouts_pod_template_hash) (rate(http_requests_total{service=\"checkout\"}[2m]))",
                        "time", "2026-05-05T10:05:00Z"));
        assertEquals("vector", instant.get("resultType").asText());
        assertEquals(2, instant.get("result").size());
        double stableRate = 0;
        for (JsonNode series : instant.get("result")) {
            if (series.get("metric").get("rollouts_pod_template_hash").asText().equals("5f7d8c9b6")) {
                stableRate = Double.parseDouble(series.get("value").get(1).asText());
            }
        }
        // Three stable pods at about 20 requests per second each.
        assertEquals(60, stableRate, 6);
        JsonNode range = call(
                "promql_query_range",
                Map.of(
                        "query",
                        "sum(rate(http_requests_total{service=\"checkout\"}[2m]))",
                        "start",
                        "2026-05-05T10:02:00Z",
                        "end",
                        "2026-05-05T10:08:00Z",
                        "step",
                        "1m"));
        assertEquals("matrix", range.get("resultType").asText());
        assertEquals(7, range.get("result").get(0).get("values").size());
    }

    @Test
    void findsSeriesPerSelectorAndLabelValues() {
        JsonNode matches = call(
                        "promql_series",
                        Map.of(
                                "match",
                                List.of(
                                        "http_requests_total{service=\"checkout\",rollouts_pod_template_hash=\"7c9d6f5b4\"}",
                                        "http_server_request_duration_seconds_count{namespace=\"shop\"}",
                                        "{namespace=\"shop\",pod=~\".+-7c9d6f5b4-.+\"}"),
                                "start",
                                "2026-05-05T10:00:00Z",
                                "end",
                                "2026-05-05T10:10:00Z"))
                .get("matches");
        assertEquals(3, matches.size());
        assertEquals(2, matches.get(0).get("count").asInt(), "the canary's 200 and 500 counters");
        assertEquals(
                "7c9d6f5b4",
                matches.get(0)
                        .get("series")
                        .get(0)
                        .get("rollouts_pod_template_hash")
                        .asText());
        assertEquals(0, matches.get(1).get("count").asInt(), "no OpenTelemetry series in this recording");
        assertTrue(matches.get(2).get("count").asInt() > 10, matches.get(2)::toString);
        assertTrue(matches.get(2).get("series").size() <= 20, "at most 20 listed");
        JsonNode names = call(
                        "promql_label_values",
                        Map.of(
                                "label",
                                "__name__",
                                "match",
                                "{pod=~\".+-7c9d6f5b4-.+\"}",
                                "start",
                                "2026-05-05T10:00:00Z",
                                "end",
                                "2026-05-05T10:10:00Z"))
                .get("values");
        assertTrue(
                names.toString().contains("http_requests_total")
                        && names.toString().contains("container_memory_working_set_bytes"),
                names::toString);
        JsonNode before = call(
                        "promql_series",
                        Map.of(
                                "match",
                                List.of("up_nothing{}"),
                                "start",
                                "2020-01-01T00:00:00Z",
                                "end",
                                "2020-01-01T01:00:00Z"))
                .get("matches");
        assertEquals(0, before.get(0).get("count").asInt());
        assertTrue(errorText(
                        "promql_series",
                        Map.of(
                                "match",
                                List.of("sum(x)"),
                                "start",
                                "2026-05-05T10:00:00Z",
                                "end",
                                "2026-05-05T10:10:00Z"))
                .startsWith("[bad-query]"));
        assertTrue(errorText(
                        "promql_series",
                        Map.of("match", List.of(), "start", "2026-05-05T10:00:00Z", "end", "2026-05-05T10:10:00Z"))
                .startsWith("[invalid-argument] argument 'match' is required"));
    }

    @Test
    void searchesAndReadsTheRecordedRepository() {
        JsonNode hits = call("search_code", Map.of("query", "func getColor")).get("hits");
        assertEquals("main.go", hits.get(0).get("path").asText());
        JsonNode slice = call("read_file", Map.of("path", "main.go", "startLine", 42, "endLine", 42));
        assertTrue(slice.get("text").asText().contains("return p.colors[idx]"));
    }

    @Test
    void namesEachKindOfFailure() {
        assertTrue(errorText("get_pod_status", Map.of("namespace", "shop", "pod", "nope"))
                .startsWith("[not-found]"));
        assertTrue(errorText("list_pods", Map.of("namespace", "prod")).startsWith("[not-found] namespace prod"));
        assertTrue(errorText("promql_query", Map.of("query", "sum(rate(x[5m])")).startsWith("[bad-query]"));
        String badTail = errorText("get_pod_logs", Map.of("namespace", "shop", "pod", "x", "tailLines", "many"));
        assertTrue(badTail.contains("tailLines"), badTail);
        assertTrue(errorText("read_file", Map.of("path", "../../rollout.json")).startsWith("[invalid-argument]"));
    }

    @Test
    void rejectsRequestsWithoutASessionOrFromForeignOrigins() throws Exception {
        var noSession = TestHttp.post(
                endpoint.baseUrl() + "/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "application/json, text/event-stream");
        assertEquals(400, noSession.statusCode());
        var notJson = TestHttp.post(endpoint.baseUrl() + "/mcp", "{not json", "application/json, text/event-stream");
        assertEquals(400, notJson.statusCode());
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        // A page elsewhere (DNS rebinding) is refused before anything else is read.
        for (String foreign : new String[] {"http://evil.example", "http://localhost.evil.example:8080", "null"}) {
            var refused = TestHttp.postFrom(
                    foreign, endpoint.baseUrl() + "/mcp", init, "application/json, text/event-stream");
            assertEquals(403, refused.statusCode(), foreign);
            assertTrue(refused.body().contains("not allowed"), refused.body());
        }
        // A page on this machine gets past the origin check (and then fails for want of a session).
        for (String local : new String[] {"http://localhost:3000", "http://127.0.0.1", "https://[::1]:8443"}) {
            var admitted =
                    TestHttp.postFrom(local, endpoint.baseUrl() + "/mcp", init, "application/json, text/event-stream");
            assertEquals(400, admitted.statusCode(), local);
        }
    }
}
