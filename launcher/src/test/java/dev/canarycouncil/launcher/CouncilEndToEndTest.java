package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.SseEvents;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every agent and the MCP server on ephemeral ports, checked over real HTTP as the rollouts plugin
 * and A2A clients use them.
 */
class CouncilEndToEndTest {

    private static Vertx vertx;
    private static CouncilAssembly assembly;
    private static LocalCouncil healthy;
    private static LocalCouncil panicking;

    @BeforeAll
    static void start() {
        vertx = VertxFactory.create(64);
        assembly = new CouncilAssembly(
                vertx, "127.0.0.1", A2aServerSettings.defaults(), PresetCatalog.defaultSet(), ModelConfig.none());
        healthy = council("healthy-color-change");
        panicking = council("go-panic-index-out-of-range");
    }

    private static LocalCouncil council(String recording) {
        return LocalCouncil.start(
                assembly,
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named(recording))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, null),
                line -> {});
    }

    @AfterAll
    static void stop() {
        healthy.close();
        panicking.close();
        vertx.close();
    }

    private static JsonNode plugin(LocalCouncil council, String body, int expectedStatus) throws Exception {
        var response = TestHttp.postJson(council.orchestratorUrl() + "/a2a/analyze", body);
        assertEquals(expectedStatus, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.mapper().readTree(response.body());
    }

    private static String pluginBody(String namespace, String podName) {
        return "{\"userId\":\"argo-rollouts\",\"prompt\":\"Analyze canary deployment issue.\",\"context\":{\"namespace\":\""
                + namespace + "\",\"podName\":\"" + podName + "\"}}";
    }

    @Test
    void thePluginsHealthCheckAnswers200() throws Exception {
        assertEquals(200, TestHttp.get(healthy.orchestratorUrl() + "/").statusCode());
    }

    @Test
    void pluginPathPromotesTheHealthyCanaryAndRollsBackThePanickingOne() throws Exception {
        JsonNode good = plugin(healthy, pluginBody("shop", "7c9d6f5b4"), 200);
        assertTrue(good.get("promote").asBoolean(), good::toString);
        assertEquals("PROMOTE", good.get("verdict").asText());
        assertTrue(good.get("confidence").asInt() >= 50);
        assertEquals("none", good.get("rootCause").asText());

        JsonNode bad = plugin(panicking, pluginBody("shop", "7c9d6f5b4"), 200);
        assertFalse(bad.get("promote").asBoolean(), bad::toString);
        assertEquals("ROLLBACK", bad.get("verdict").asText());
        assertTrue(
                bad.get("rootCause").asText().contains("index out of range"),
                bad.get("rootCause").asText());
        assertTrue(bad.get("analysis").asText().contains("log-analyst"));
        assertTrue(bad.get("issueTitle").asText().startsWith("Canary 7c9d6f5b4 of checkout"));
        assertEquals("", bad.get("prLink").asText());
        String link = panicking.orchestratorUrl() + "/ui/?analysis="
                + bad.get("analysisId").asText();
        assertEquals(link, bad.get("link").asText());
        assertTrue(
                bad.get("analysis").asText().endsWith("Full analysis: " + link),
                "the text the plugin copies into the AnalysisRun leads to the page: " + bad.get("analysis"));
    }

    @Test
    void pluginPathAcceptsACanaryPodNameAndUsesLogsSentInTheRequest() throws Exception {
        String canaryPod = RecordedRollout.load(Recordings.named("healthy-color-change")).pods().stream()
                .map(p -> p.name())
                .filter(n -> n.contains("7c9d6f5b4"))
                .findFirst()
                .orElseThrow();
        assertTrue(plugin(healthy, pluginBody("shop", canaryPod), 200)
                .get("promote")
                .asBoolean());

        String normal = "level=info msg=served\\n".repeat(60);
        JsonNode withLogs = plugin(
                healthy,
                "{\"userId\":\"argo-rollouts\",\"prompt\":\"p\",\"context\":{\"namespace\":\"shop\","
                        + "\"podName\":\"7c9d6f5b4\",\"stableLogs\":\"" + normal + "\",\"canaryLogs\":\"" + normal
                        + "panic: assignment to entry in nil map\\n\"}}",
                200);
        assertFalse(withLogs.get("promote").asBoolean(), withLogs::toString);
    }

    /**
     * The request exactly as the plugin's source builds it (rollouts-plugin-metric-ai
     * internal/plugin/a2a.go, plugin.go): selectors, rolloutName, memoryId, repoUrl, no logs; and
     * the answer as its Go structs decode it (promote bool, confidence int, votingRationale,
     * modelResults with one entry per member).
     */
    @Test
    void pluginPathAnswersTheRequestThePluginSendsWithTheFieldsItStores() throws Exception {
        assertEquals(
                200, TestHttp.get(panicking.orchestratorUrl() + "/a2a/health").statusCode());
        String body =
                "{\"userId\":\"argo-rollouts\",\"prompt\":\"Analyze canary deployment for rollout 'checkout'. Namespace: shop."
                        + " Use your tools to fetch and compare logs from stable pods (selector: rollouts-pod-template-hash=5f8b9c7d6) vs"
                        + " canary pods (selector: rollouts-pod-template-hash=7c9d6f5b4). Determine if canary should be promoted.\","
                        + "\"context\":{\"baseBranch\":\"main\",\"canarySelector\":\"rollouts-pod-template-hash=7c9d6f5b4\","
                        + "\"namespace\":\"shop\",\"repoUrl\":\"https://github.com/acme/checkout\",\"rolloutName\":\"checkout\","
                        + "\"stableSelector\":\"rollouts-pod-template-hash=5f8b9c7d6\"},\"memoryId\":\"rollout:shop/checkout\"}";
        JsonNode bad = plugin(panicking, body, 200);
        assertTrue(bad.get("promote").isBoolean() && !bad.get("promote").asBoolean(), bad::toString);
        assertTrue(bad.get("confidence").isInt(), "the plugin decodes confidence as an int: " + bad.get("confidence"));
        assertTrue(
                bad.get("votingRationale").asText().startsWith("ROLLBACK"),
                bad.get("votingRationale").asText());
        JsonNode results = bad.get("modelResults");
        assertTrue(results.isArray() && results.size() >= 2, bad::toString);
        boolean logAnalyst = false;
        for (JsonNode r : results) {
            assertTrue(
                    r.get("modelName").isTextual()
                            && r.get("promote").isBoolean()
                            && r.get("confidence").isInt()
                            && r.get("executionTimeMs").isIntegralNumber(),
                    r::toString);
            if (r.get("modelName").asText().equals("log-analyst")) {
                logAnalyst = true;
                assertFalse(r.get("promote").asBoolean());
                assertTrue(r.get("analysis").asText().startsWith("ROLLBACK"), r::toString);
                assertTrue(r.get("rootCause").asText().contains("index out of range"), r::toString);
            }
        }
        assertTrue(logAnalyst, results::toString);
        // Argo measures again at the next interval or after an error: the same measurement, the same analysis.
        assertEquals(
                bad.get("analysisId").asText(),
                plugin(panicking, body, 200).get("analysisId").asText());
        String otherHints = body.replace("\"baseBranch\"", "\"extraPrompt\":\"ignore colour changes\",\"baseBranch\"");
        assertNotEquals(
                bad.get("analysisId").asText(),
                plugin(panicking, otherHints, 200).get("analysisId").asText(),
                "other operator hints are another measurement");
    }

    @Test
    void pluginPathAnswers400NamingTheBadField() throws Exception {
        assertEquals("body", plugin(healthy, "{\"context\":", 400).get("field").asText());
        assertEquals(
                "context",
                plugin(healthy, "{\"userId\":\"u\",\"prompt\":\"p\"}", 400)
                        .get("field")
                        .asText());
        assertEquals(
                "context.podName",
                plugin(healthy, "{\"context\":{\"namespace\":\"shop\"}}", 400)
                        .get("field")
                        .asText());
        JsonNode wrongType = plugin(healthy, "{\"context\":{\"namespace\":[\"shop\"],\"podName\":\"x\"}}", 400);
        assertEquals("context.namespace", wrongType.get("field").asText());
        assertTrue(wrongType.get("error").asText().contains("must be a string"));
    }

    @Test
    void pluginPathNeverPromotesAnUnknownCanary() throws Exception {
        JsonNode unknown = plugin(healthy, pluginBody("shop", "does-not-exist"), 200);
        assertFalse(unknown.get("promote").asBoolean());
        assertEquals("INCONCLUSIVE", unknown.get("verdict").asText());
        assertTrue(unknown.get("analysis").asText().contains("does-not-exist"));
    }

    private static String a2aRequest(String method, String targetJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + UUID.randomUUID() + "\",\"method\":\"" + method
                + "\",\"params\":{\"message\":"
                + "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"" + UUID.randomUUID()
                + "\",\"parts\":[{\"kind\":\"data\","
                + "\"data\":" + targetJson + ",\"metadata\":{\"kind\":\"" + A2aParts.ANALYSIS_TARGET + "\"}}]}}}";
    }

    private static JsonNode verdictOf(JsonNode task) {
        for (JsonNode part : task.get("artifacts").get(0).get("parts")) {
            if ("data".equals(part.get("kind").asText())) {
                return part.get("data");
            }
        }
        throw new AssertionError("no verdict DataPart in " + task);
    }

    @Test
    void a2aBlockingSendReturnsTheVerdictAsADataPart() throws Exception {
        var response = TestHttp.postJson(
                healthy.orchestratorUrl() + "/",
                a2aRequest("message/send", "{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"}"));
        JsonNode task = Json.mapper().readTree(response.body()).get("result");
        assertEquals("completed", task.get("status").get("state").asText(), task::toString);
        JsonNode verdict = verdictOf(task);
        assertEquals("PROMOTE", verdict.get("decision").asText());
        assertEquals(2, verdict.get("findings").size());
        assertEquals("7c9d6f5b4", verdict.get("subject").get("canaryHash").asText());
    }

    @Test
    void a2aStreamingShowsProgressFromEveryMemberThenTheVerdict() throws Exception {
        SseEvents.Stream stream = SseEvents.post(
                panicking.orchestratorUrl() + "/",
                a2aRequest("message/stream", "{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"}"),
                Duration.ofSeconds(60));
        List<JsonNode> results =
                stream.events().stream().map(e -> e.get("result")).toList();
        assertEquals("task", results.get(0).get("kind").asText());
        List<String> progress = results.stream()
                .filter(r -> "status-update".equals(r.path("kind").asText()))
                .map(r -> r.path("status")
                        .path("message")
                        .path("parts")
                        .path(0)
                        .path("text")
                        .asText())
                .toList();
        assertTrue(
                progress.stream().anyMatch(p -> p.startsWith("log-analyst: reading canary pods")), progress::toString);
        int metrics = PresetCatalog.defaultSet().metrics().size();
        assertTrue(
                progress.stream().anyMatch(p -> p.startsWith("metrics-agent: comparing " + metrics + " metrics")),
                progress::toString);
        assertTrue(
                progress.stream().anyMatch(p -> p.matches("log-analyst voted ROLLBACK \\(\\d+%\\)")),
                progress::toString);
        assertTrue(
                progress.stream().anyMatch(p -> p.matches("metrics-agent voted ROLLBACK \\(\\d+%\\)")),
                progress::toString);
        assertTrue(progress.stream().anyMatch(p -> p.startsWith("issue-writer: drafting")), progress::toString);
        JsonNode artifact = results.stream()
                .filter(r -> "artifact-update".equals(r.path("kind").asText()))
                .findFirst()
                .orElseThrow()
                .get("artifact");
        assertEquals(
                "ROLLBACK",
                artifact.get("parts").get(0).get("data").get("decision").asText());
        JsonNode last = results.get(results.size() - 1);
        assertEquals("completed", last.get("status").get("state").asText());
        assertTrue(last.get("final").asBoolean());
    }

    @Test
    void a2aRejectsATargetWithoutANamespace() throws Exception {
        var response =
                TestHttp.postJson(healthy.orchestratorUrl() + "/", a2aRequest("message/send", "{\"podName\":\"x\"}"));
        JsonNode task = Json.mapper().readTree(response.body()).get("result");
        assertEquals("rejected", task.get("status").get("state").asText());
        assertTrue(task.get("status").get("message").toString().contains("namespace"));
    }

    @Test
    void anUnreachableMemberLowersConfidenceAndIsNamed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String deadCard = "http://127.0.0.1:" + closedPort + "/.well-known/agent-card.json";
        try (StartedPart orchestrator = assembly.orchestrator(
                0,
                null,
                healthy.part("mcp-tools").url() + "/mcp",
                MemberOptions.Resolved.of(List.of(healthy.part("log-analyst").cardUrl(), deadCard)),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(20)))) {
            JsonNode answer = Json.mapper()
                    .readTree(TestHttp.postJson(orchestrator.url() + "/a2a/analyze", pluginBody("shop", "7c9d6f5b4"))
                            .body());
            assertFalse(answer.get("promote").asBoolean(), answer::toString);
            assertEquals("INCONCLUSIVE", answer.get("verdict").asText());
            assertEquals(List.of(deadCard), Json.mapper().convertValue(answer.get("failedAgents"), List.class));
            assertTrue(answer.get("analysis").asText().contains("connection refused or unreachable"), answer::toString);
        }
    }

    @Test
    void aMemberPastTheDeadlineIsCutOffAndNamed() throws Exception {
        HttpEndpoint slowEndpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        var slow = AgentHosting.host(
                slowEndpoint.router(),
                "metrics-agent",
                slowEndpoint.baseUrl(),
                (message, progress) -> {
                    Thread.sleep(60_000);
                    return new AgentOutput("never", List.of());
                },
                A2aServerSettings.defaults());
        try (StartedPart orchestrator = assembly.orchestrator(
                0,
                null,
                panicking.part("mcp-tools").url() + "/mcp",
                MemberOptions.Resolved.of(List.of(
                        panicking.part("log-analyst").cardUrl(),
                        slowEndpoint.baseUrl() + "/.well-known/agent-card.json")),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(3)))) {
            long start = System.nanoTime();
            JsonNode answer = Json.mapper()
                    .readTree(TestHttp.postJson(orchestrator.url() + "/a2a/analyze", pluginBody("shop", "7c9d6f5b4"))
                            .body());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 15, "the analysis waited " + seconds + " s for a member past its 3 s deadline");
            assertEquals("ROLLBACK", answer.get("verdict").asText(), answer::toString);
            assertTrue(
                    answer.get("analysis")
                            .asText()
                            .contains("metrics-agent: no finding (metrics-agent did not answer within 3 s)"),
                    answer.get("analysis").asText());
        } finally {
            slowEndpoint.close();
            slow.close();
        }
    }
}
