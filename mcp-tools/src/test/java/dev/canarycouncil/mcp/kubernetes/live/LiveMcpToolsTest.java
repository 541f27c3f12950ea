package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.mcp.testing.ToolCalls;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.testing.Recordings;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP Kubernetes tools over the live backend, called through the official MCP client, with
 * the cluster in fabric8's mock and a recorded server beside it for the answers to match.
 */
class LiveMcpToolsTest {

    private static final String CANARY_POD = "checkout-7c9d6f5b4-g8mzr";

    private static RecordingInMockCluster cluster;
    private static Vertx vertx;
    private static Served live;
    private static Served recorded;

    private record Served(HttpEndpoint endpoint, McpToolServer server, McpSyncClient client) {
        static Served start(Vertx vertx, ToolBackends backends) {
            HttpEndpoint endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
            McpToolServer server = new McpToolServer(backends, Duration.ofSeconds(30));
            server.mount(endpoint.router());
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(endpoint.baseUrl())
                            .endpoint(McpToolServer.PATH)
                            .build())
                    .requestTimeout(Duration.ofSeconds(30))
                    .build();
            client.initialize();
            return new Served(endpoint, server, client);
        }

        void stop() {
            client.closeGracefully();
            server.close();
            endpoint.close();
        }

        JsonNode call(String tool, Map<String, Object> args) {
            return ToolCalls.call(client, tool, args);
        }

        String error(String tool, Map<String, Object> args) {
            return ToolCalls.error(client, tool, args);
        }
    }

    @BeforeAll
    static void start() {
        cluster = RecordingInMockCluster.start(Recordings.named("go-panic-index-out-of-range"));
        vertx = Vertx.vertx();
        live = Served.start(vertx, cluster.toolBackends());
        recorded = Served.start(vertx, ToolBackends.recorded(cluster.recording()));
    }

    @AfterAll
    static void stop() {
        live.stop();
        recorded.stop();
        cluster.close();
        vertx.close();
    }

    private static void assertSameAnswer(String tool, Map<String, Object> args) {
        assertEquals(recorded.call(tool, args), live.call(tool, args), tool + " " + args);
    }

    @Test
    void listsPodsBySelector() {
        JsonNode pods = live.call(
                        "list_pods", Map.of("namespace", "shop", "selector", "rollouts-pod-template-hash=7c9d6f5b4"))
                .get("pods");
        assertEquals(1, pods.size());
        assertEquals(CANARY_POD, pods.get(0).get("name").asText());
        assertEquals(
                3,
                live.call("list_pods", Map.of("namespace", "shop", "selector", "rollouts-pod-template-hash!=7c9d6f5b4"))
                        .get("pods")
                        .size());
    }

    @Test
    void reportsPodStatusAsTheRecordingDoes() {
        assertSameAnswer("get_pod_status", Map.of("namespace", "shop", "pod", CANARY_POD));
        JsonNode container = live.call("get_pod_status", Map.of("namespace", "shop", "pod", CANARY_POD))
                .get("containers")
                .get(0);
        assertEquals("CrashLoopBackOff", container.get("reason").asText());
        assertEquals("Error", container.get("lastTerminationReason").asText());
    }

    @Test
    void readsCurrentAndPreviousLogsAsTheRecordingDoes() {
        assertSameAnswer("get_pod_logs", Map.of("namespace", "shop", "pod", CANARY_POD, "previous", true));
        assertSameAnswer("get_pod_logs", Map.of("namespace", "shop", "pod", CANARY_POD, "tailLines", 3));
        assertSameAnswer("get_pod_logs", Map.of("namespace", "shop", "pod", CANARY_POD, "limitBytes", 200));
        assertSameAnswer(
                "get_pod_logs", Map.of("namespace", "shop", "pod", CANARY_POD, "since", "2026-05-05T10:07:00Z"));
        JsonNode previous = live.call("get_pod_logs", Map.of("namespace", "shop", "pod", CANARY_POD, "previous", true))
                .get("logs")
                .get(0);
        assertTrue(previous.get("text").asText().contains("panic: runtime error: index out of range"));
    }

    @Test
    void listsEventsAboutOneObject() {
        JsonNode events = live.call("list_events", Map.of("namespace", "shop", "involvedObject", CANARY_POD))
                .get("events");
        assertEquals(4, events.size());
        assertTrue(events.findValuesAsText("reason").contains("BackOff"));
        assertTrue(events.findValuesAsText("involvedName").stream().allMatch(CANARY_POD::equals));
    }

    @Test
    void reportsRolloutStatusAsTheRecordingDoes() {
        assertSameAnswer("get_rollout_status", Map.of("namespace", "shop", "rollout", "checkout"));
        JsonNode status = live.call("get_rollout_status", Map.of("namespace", "shop", "rollout", "checkout"));
        assertEquals(20, status.get("canaryWeight").asInt());
    }

    @Test
    void resolvesAHashAndAPodNameAsTheRecordingDoes() {
        for (String target : new String[] {"7c9d6f5b4", CANARY_POD}) {
            JsonNode resolved = live.call("resolve_rollout_pods", Map.of("namespace", "shop", "podName", target));
            assertEquals("checkout", resolved.get("rollout").asText());
            assertEquals("checkout", resolved.get("service").asText());
            assertEquals(
                    "5f7d8c9b6", resolved.get("stable").get("podTemplateHash").asText());
            assertEquals(3, resolved.get("stable").get("pods").size());
            assertEquals(CANARY_POD, resolved.get("canary").get("pods").get(0).asText());
            assertEquals(
                    "2026-05-05T10:00:00Z", resolved.get("window").get("start").asText());
            assertEquals(
                    "2026-05-05T10:10:00Z", resolved.get("window").get("end").asText());
        }
    }

    @Test
    void namesEachKindOfFailure() {
        assertEquals(
                "[not-allowed] namespace prod is not in this server's allow-list (allowed: shop)",
                live.error("list_pods", Map.of("namespace", "prod")));
        assertEquals(
                "[not-found] pod nope not found in namespace shop",
                live.error("get_pod_status", Map.of("namespace", "shop", "pod", "nope")));
        assertTrue(live.error("resolve_rollout_pods", Map.of("namespace", "shop", "podName", "5f7d8c9b6"))
                .startsWith("[invalid-argument] 5f7d8c9b6 belongs to the stable ReplicaSet of checkout"));
    }
}
