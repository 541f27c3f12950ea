package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.llm.ModelProvider;
import dev.canarycouncil.runtime.llm.ModelSettings;
import dev.canarycouncil.runtime.testing.GeminiFake;
import dev.canarycouncil.runtime.testing.ModelReply;
import dev.canarycouncil.runtime.testing.ModelRequest;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With a model, free-text questions are answered by it, using the MCP tools, with the evidence fenced as data. */
class ModelConversationTest {

    private static final String KEY = "chat-model-key";

    private static String message(String context, String partJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"method\":\"message/send\",\"params\":{\"message\":"
                + "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"" + UUID.randomUUID() + "\""
                + (context == null ? "" : ",\"contextId\":\"" + context + "\"") + ",\"parts\":[" + partJson + "]}}}";
    }

    private static JsonNode send(LocalCouncil council, String body) throws Exception {
        return Json.mapper()
                .readTree(
                        TestHttp.postJson(council.orchestratorUrl() + "/", body).body())
                .path("result");
    }

    private static JsonNode answerOf(JsonNode task) {
        for (JsonNode p : task.path("artifacts").get(0).path("parts")) {
            if ("data".equals(p.path("kind").asText())) {
                return p.path("data");
            }
        }
        throw new AssertionError(task.toString());
    }

    private JsonNode ask(GeminiFake gemini, String question) throws Exception {
        Vertx vertx = VertxFactory.create(32);
        ModelConfig models =
                ModelConfig.of(ModelSettings.of(ModelProvider.GEMINI, "gemini-2.5-flash", gemini.url(), KEY));
        try (LocalCouncil council = LocalCouncil.start(
                new CouncilAssembly(
                        vertx, "127.0.0.1", A2aServerSettings.defaults(), PresetCatalog.defaultSet(), models),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named("go-panic-index-out-of-range"))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, null),
                l -> {})) {
            JsonNode analysis = send(
                    council,
                    message(
                            null,
                            "{\"kind\":\"data\",\"data\":{\"namespace\":\"shop\",\"podName\":"
                                    + "\"7c9d6f5b4\"},\"metadata\":{\"kind\":\"" + A2aParts.ANALYSIS_TARGET + "\"}}"));
            assertEquals("completed", analysis.path("status").path("state").asText(), analysis.toString());
            ObjectNode text =
                    Json.mapper().createObjectNode().put("kind", "text").put("text", question);
            JsonNode task = send(
                    council,
                    message(analysis.path("contextId").asText(), Json.mapper().writeValueAsString(text)));
            assertEquals("completed", task.path("status").path("state").asText(), task.toString());
            return answerOf(task);
        } finally {
            vertx.close();
        }
    }

    @Test
    void aFreeTextQuestionIsAnsweredByTheModelAfterItReadsTheLogs() throws Exception {
        CouncilModelScript council = new CouncilModelScript();
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(r -> {
                if (!r.systemText().contains("answering an SRE's question")) {
                    return council.apply(r);
                }
                boolean read =
                        r.messages().stream().anyMatch(t -> !t.toolResultTexts().isEmpty());
                return read
                        ? ModelReply.text("Only the canary panics: the stable's logs have no panic.")
                        : ModelReply.toolCall(
                                "get_pod_logs", "{\"namespace\":\"shop\",\"pod\":\"checkout-7c9d6f5b4-g8mzr\"}");
            });
            JsonNode a = ask(gemini, "does the stable panic too, sometimes?");
            assertEquals("model", a.path("intent").asText());
            assertEquals(
                    "Only the canary panics: the stable's logs have no panic.",
                    a.path("text").asText());
            assertEquals("gemini:gemini-2.5-flash", a.path("data").path("model").asText());
            ModelRequest afterTool = gemini.requests().stream()
                    .filter(r -> r.systemText().contains("answering an SRE's question"))
                    .filter(r -> r.messages().stream()
                            .anyMatch(t -> !t.toolResultTexts().isEmpty()))
                    .findFirst()
                    .orElseThrow();
            String logs = afterTool.messages().stream()
                    .flatMap(t -> t.toolResultTexts().stream())
                    .findFirst()
                    .orElseThrow();
            assertTrue(logs.contains("source=\"tool:get_pod_logs\"") && logs.contains("index out of range"), logs);
            assertTrue(
                    afterTool.messages().get(0).text().contains("The SRE asks: does the stable panic too, sometimes?"));
        }
    }

    @Test
    void whenTheModelFailsTheGrammarAnswersAndSaysWhy() throws Exception {
        CouncilModelScript council = new CouncilModelScript();
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(r -> r.systemText().contains("answering an SRE's question")
                    ? ModelReply.serverError(500)
                    : council.apply(r));
            JsonNode a = ask(gemini, "does the stable panic too?");
            assertEquals("unknown", a.path("intent").asText());
            assertTrue(
                    a.path("text").asText().startsWith("The model could not answer (")
                            && a.path("text").asText().contains("HTTP 500")
                            && a.path("text").asText().contains("I understand:"),
                    a.path("text").asText());
        }
    }
}
