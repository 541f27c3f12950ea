package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With authentication on, every port of the council, the MCP server's included, refuses a request
 * without the council's token or with a wrong one (401, before the body is read) and serves the
 * right one; the gate token opens the controller endpoints and nothing else; and the council still
 * works, its agents presenting the token to the MCP server and to each other.
 */
class AuthOnEveryPortTest {

    private static final AgentSecret COUNCIL = AgentSecret.of("council-token-" + UUID.randomUUID());
    private static final AgentSecret GATE = AgentSecret.of("gate-token-" + UUID.randomUUID());
    private static final String WRONG = "Bearer not-the-token";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Vertx vertx;
    private static LocalCouncil council;

    @BeforeAll
    static void start() {
        vertx = VertxFactory.create(64);
        CouncilAssembly assembly = new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults().withAuth(ServerAuth.bearer(COUNCIL)),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none())
                .withGate(GateSettings.defaults().withGateToken(GATE), OptionalInt.of(0));
        council = RecordedCouncils.start(assembly, "go-panic-index-out-of-range");
    }

    @AfterAll
    static void stop() {
        council.close();
        vertx.close();
    }

    private static HttpResponse<String> post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(AgentSecret secret) {
        return "Bearer " + secret.reveal();
    }

    private static final String MCP_INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"intruder\",\"version\":\"1\"}}}";

    private static String a2aSend() {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"method\":\"message/send\",\"params\":{\"message\":"
                + "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"" + UUID.randomUUID()
                + "\",\"parts\":[{\"kind\":\"data\","
                + "\"data\":{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"},\"metadata\":{\"kind\":\""
                + A2aParts.ANALYSIS_TARGET + "\"}}]}}}";
    }

    /** Each port with what a caller would POST there. */
    private static Map<String, String[]> ports() {
        Map<String, String[]> ports = new LinkedHashMap<>();
        ports.put("mcp-tools", new String[] {council.part("mcp-tools").url() + "/mcp", MCP_INITIALIZE});
        for (String agent : List.of("log-analyst", "metrics-agent", "issue-writer", "orchestrator")) {
            ports.put(agent, new String[] {council.part(agent).url() + "/", a2aSend()});
        }
        String gate = council.part("orchestrator").gateUrl();
        ports.put("gate: web provider", new String[] {
            gate + "/api/v1/analyses", "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"7c9d6f5b4\"}"
        });
        ports.put("gate: Flagger", new String[] {
            gate + "/api/v1/flagger/rollback",
            "{\"name\":\"checkout\",\"namespace\":\"shop\",\"phase\":\"Progressing\",\"checksum\":\"a1\"}"
        });
        return ports;
    }

    @Test
    void everyPortRefusesNoTokenAndAWrongOneAndServesTheRightOne() throws Exception {
        for (Map.Entry<String, String[]> port : ports().entrySet()) {
            String url = port.getValue()[0];
            String body = port.getValue()[1];
            HttpResponse<String> none = post(url, body, null);
            assertEquals(401, none.statusCode(), port.getKey() + " without a token: " + none.body());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), port.getKey());
            assertFalse(none.body().contains(COUNCIL.reveal()) || none.body().contains(GATE.reveal()), port.getKey());
            assertEquals(401, post(url, body, WRONG).statusCode(), port.getKey() + " with a wrong token");
            assertEquals(
                    401,
                    post(url, body, "Basic " + COUNCIL.reveal()).statusCode(),
                    port.getKey() + " with another scheme");
            HttpResponse<String> right = post(url, body, bearer(COUNCIL));
            assertNotEquals(401, right.statusCode(), port.getKey() + " with the council's token: " + right.body());
            assertTrue(
                    right.statusCode() < 300 || right.statusCode() == 412,
                    port.getKey() + ": " + right.statusCode() + " " + right.body());
        }
    }

    @Test
    void theGateTokenOpensTheControllerEndpointsAndNothingElse() throws Exception {
        for (Map.Entry<String, String[]> port : ports().entrySet()) {
            HttpResponse<String> withGate = post(port.getValue()[0], port.getValue()[1], bearer(GATE));
            if (port.getKey().startsWith("gate:")) {
                assertNotEquals(401, withGate.statusCode(), port.getKey() + ": " + withGate.body());
            } else {
                assertEquals(401, withGate.statusCode(), port.getKey() + " must not open to the gate token");
            }
        }
        // Flagger sends no headers: its token rides in the webhook's metadata.
        String gate = council.part("orchestrator").gateUrl();
        String payload =
                "{\"name\":\"checkout\",\"namespace\":\"shop\",\"phase\":\"Progressing\",\"checksum\":\"a1\",\"metadata\":{\"token\":\"%s\"}}";
        HttpResponse<String> flagger = post(gate + "/api/v1/flagger/rollback", payload.formatted(GATE.reveal()), null);
        assertEquals(200, flagger.statusCode(), "the crashing canary is rolled back: " + flagger.body());
        assertFalse(flagger.body().contains(GATE.reveal()), "the token is never echoed");
        assertEquals(
                401,
                post(gate + "/api/v1/flagger/rollback", payload.formatted("guess"), null)
                        .statusCode());
    }

    @Test
    void theCouncilStillJudgesWithItsAgentsPresentingTheTokenToTheMcpServer() throws Exception {
        HttpResponse<String> answer = post(
                council.part("orchestrator").gateUrl() + "/api/v1/analyses",
                "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"7c9d6f5b4\"}",
                bearer(GATE));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode verdict = Json.mapper().readTree(answer.body());
        assertEquals("ROLLBACK", verdict.path("decision").asText(), answer.body());
        assertTrue(verdict.path("rootCause").asText().contains("index out of range"), answer.body());
        assertFalse(answer.body().contains("401"), "no member was refused by another part: " + answer.body());
    }

    @Test
    void theControllerEndpointsAreOnlyOnTheGatePortAndHealthChecksStayOpen() throws Exception {
        String main = council.part("orchestrator").url();
        assertEquals(
                404,
                post(main + "/api/v1/analyses", "{}", bearer(COUNCIL)).statusCode(),
                "not on the A2A and page port");
        assertEquals(404, post(main + "/a2a/analyze", "{}", null).statusCode());
        for (String url : List.of(
                main + "/a2a/health",
                council.part("orchestrator").gateUrl() + "/",
                main + "/.well-known/agent-card.json")) {
            assertEquals(
                    200,
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    url);
        }
    }

    @Test
    void aRequestWithoutTheTokenIsRefusedBeforeItsBodyIsRead() throws Exception {
        // Headers announce 50 MB and no byte of it is sent: only a server that answers before reading the body replies.
        URI mcp = URI.create(council.part("mcp-tools").url() + "/mcp");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(mcp.getHost(), mcp.getPort()), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + mcp.getHost() + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 52428800\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 401", status);
        }
    }
}
