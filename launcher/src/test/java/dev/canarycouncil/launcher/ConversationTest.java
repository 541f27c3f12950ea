package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A multi-turn A2A conversation with the coordinator: one analysis, then questions in its context. */
class ConversationTest {

    private static Vertx vertx;
    private static LocalCouncil council;
    private static String contextId;
    private static JsonNode verdict;

    @BeforeAll
    static void analyse() throws Exception {
        vertx = VertxFactory.create(64);
        council = LocalCouncil.start(
                new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults(),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none()),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named("go-panic-index-out-of-range"))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, null),
                line -> {});
        JsonNode task = send(message(
                null,
                "{\"kind\":\"data\",\"data\":{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"},"
                        + "\"metadata\":{\"kind\":\"" + A2aParts.ANALYSIS_TARGET + "\"}}"));
        assertEquals("completed", task.path("status").path("state").asText(), task.toString());
        contextId = task.path("contextId").asText();
        verdict = part(task, "data").path("data");
        assertFalse(contextId.isBlank());
    }

    @AfterAll
    static void stop() {
        council.close();
        vertx.close();
    }

    private static String message(String context, String part) {
        return message(context, part, "");
    }

    /** @param metadata the message's metadata object, or empty for none */
    private static String message(String context, String part, String metadata) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"method\":\"message/send\",\"params\":{\"message\":"
                + "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"" + UUID.randomUUID() + "\""
                + (context == null ? "" : ",\"contextId\":\"" + context + "\"") + ",\"parts\":[" + part + "]"
                + (metadata.isEmpty() ? "" : ",\"metadata\":" + metadata) + "}}}";
    }

    private static String questionAbout(String context, String analysisId, String text) throws Exception {
        ObjectNode p = Json.mapper().createObjectNode().put("kind", "text").put("text", text);
        ObjectNode m = Json.mapper().createObjectNode().put("analysisId", analysisId);
        return message(
                context, Json.mapper().writeValueAsString(p), Json.mapper().writeValueAsString(m));
    }

    private static String question(String context, String text) throws Exception {
        ObjectNode p = Json.mapper().createObjectNode().put("kind", "text").put("text", text);
        return message(context, Json.mapper().writeValueAsString(p));
    }

    private static JsonNode send(String body) throws Exception {
        var response = TestHttp.postJson(council.orchestratorUrl() + "/", body);
        assertEquals(200, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body()).path("result");
    }

    private static JsonNode part(JsonNode task, String kind) {
        for (JsonNode p : task.path("artifacts").get(0).path("parts")) {
            if (kind.equals(p.path("kind").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + kind + " part in " + task);
    }

    private static JsonNode ask(String text) throws Exception {
        JsonNode task = send(question(contextId, text));
        assertEquals("completed", task.path("status").path("state").asText(), task.toString());
        assertEquals(contextId, task.path("contextId").asText(), "the answer stays in the investigation's context");
        JsonNode answer = part(task, "data");
        assertEquals(A2aParts.ANSWER, answer.path("metadata").path("kind").asText());
        return answer.path("data");
    }

    @Test
    void whyExplainsTheDecisionWithItsRootCause() throws Exception {
        JsonNode a = ask("why was it rolled back?");
        assertEquals("why", a.path("intent").asText());
        assertTrue(a.path("text")
                .asText()
                .startsWith("ROLLBACK with " + verdict.path("confidence").asInt() + "% confidence"));
        assertTrue(a.path("text").asText().contains(verdict.path("rootCause").asText()), a.toString());
    }

    @Test
    void theNewErrorTemplatesComeFromTheLogAnalystReadingTheLogsAgain() throws Exception {
        JsonNode a = ask("show the new error templates on the canary");
        assertEquals("templates", a.path("intent").asText());
        String text = a.path("text").asText();
        assertTrue(
                text.contains("[fatal] panic: runtime error: index out of range") && text.contains("new on the canary"),
                text);
        assertTrue(
                text.contains("(85 canary and 926 stable records)"),
                "the log analyst's own count of what it read: " + text);
        assertTrue(text.endsWith("(answered by log-analyst)"), text);
        assertEquals("FATAL", a.path("data").get(0).path("level").asText(), a.toString());
    }

    @Test
    void aComparisonQueriesBothSidesAgainOverTheAskedSpan() throws Exception {
        JsonNode a = ask("compare p99 latency stable vs canary over the last 5 minutes");
        assertEquals("compare", a.path("intent").asText());
        JsonNode data = a.path("data");
        assertEquals("latency-p99", data.path("metric").asText());
        assertEquals("s", data.path("unit").asText(), "the metric set's unit, for the chart's axis");
        // Five minutes at 30 s steps: 11 points a side, both within the window's last five minutes.
        assertEquals(11, data.path("stable").size(), data.toString());
        assertTrue(data.path("canary").size() > 0 && data.path("canary").size() <= 11, data.toString());
        long end = java.time.Instant.parse(
                        verdict.path("subject").path("window").path("end").asText())
                .getEpochSecond();
        assertEquals(end - 300, data.path("stable").get(0).get(0).asLong());
        assertTrue(
                a.path("text").asText().contains("histogram_quantile(0.99"),
                a.path("text").asText());
        assertTrue(a.path("text").asText().endsWith("(answered by metrics-agent)"), "routed to the specialist: " + a);
    }

    @Test
    void theMetricsAgentSaysWhichMetricsItComparesWhenAskedAboutAnother() throws Exception {
        JsonNode a = ask("compare disk-iops");
        assertTrue(
                a.path("text").asText().startsWith("I compare no metric called \"disk-iops\"; I compare: 5xx-ratio"),
                a.toString());
    }

    @Test
    void aSpecialistAskedWhatItDoesNotAnswerRejectsTheQuestion() throws Exception {
        String followUp = "{\"kind\":\"data\",\"data\":{\"analysis\":{\"analysisId\":\"x\",\"namespace\":\"shop\","
                + "\"canary\":{\"podTemplateHash\":\"7c9d6f5b4\",\"pods\":[]},\"stable\":{\"podTemplateHash\":\"5f7d8c9b6\","
                + "\"pods\":[]},\"window\":{\"start\":\"2026-05-05T10:00:00Z\",\"end\":\"2026-05-05T10:10:00Z\"}},"
                + "\"topic\":\"compare\",\"subject\":\"latency-p99\"},\"metadata\":{\"kind\":\"" + A2aParts.FOLLOW_UP
                + "\"}}";
        var response = TestHttp.postJson(council.part("log-analyst").url() + "/", message(null, followUp));
        JsonNode task = Json.mapper().readTree(response.body()).path("result");
        assertEquals("rejected", task.path("status").path("state").asText(), task.toString());
        assertTrue(task.toString().contains("log-analyst answers no \\\"compare\\\" questions"), task.toString());
    }

    @Test
    void suspectCodeAndTheIssueComeFromTheDraft() throws Exception {
        assertTrue(ask("which code is suspect?").path("text").asText().contains("main.go"));
        JsonNode issue = ask("draft the issue");
        assertEquals("issue", issue.path("intent").asText());
        assertTrue(issue.path("text")
                .asText()
                .startsWith(verdict.path("issue").path("title").asText()));
    }

    @Test
    void evidenceByNumberAndTheVerdictCommand() throws Exception {
        assertTrue(ask("/evidence").path("text").asText().contains("1. log-analyst"));
        assertTrue(ask("/evidence 2").path("text").asText().startsWith("metrics-agent: ROLLBACK"));
        assertTrue(ask("/evidence 9").path("text").asText().contains("ask /evidence 1 to /evidence 2"));
        assertTrue(ask("/verdict").path("text").asText().startsWith("ROLLBACK (confidence"));
    }

    @Test
    void somethingNotUnderstoodListsWhatIs() throws Exception {
        JsonNode a = ask("what's the weather like?");
        assertEquals("unknown", a.path("intent").asText());
        assertTrue(a.path("text").asText().contains("I understand:")
                && a.path("text").asText().contains("compare p99 latency"));
    }

    @Test
    void aQuestionNamingAKeptAnalysisIsAnsweredInAConversationThatNeverRanIt() throws Exception {
        String fresh = UUID.randomUUID().toString();
        JsonNode task = send(questionAbout(fresh, verdict.path("analysisId").asText(), "why was it rolled back?"));
        assertEquals("completed", task.path("status").path("state").asText(), task.toString());
        JsonNode a = part(task, "data").path("data");
        assertEquals("why", a.path("intent").asText());
        assertTrue(a.path("text").asText().contains(verdict.path("rootCause").asText()), a.toString());

        // The conversation now holds that analysis: the next question needs no name.
        JsonNode next = send(question(fresh, "/evidence 2"));
        assertEquals("completed", next.path("status").path("state").asText(), next.toString());
        assertTrue(part(next, "data").path("data").path("text").asText().startsWith("metrics-agent: ROLLBACK"));
    }

    @Test
    void aQuestionNamingAnAnalysisNobodyKeptSaysSo() throws Exception {
        JsonNode task = send(questionAbout(UUID.randomUUID().toString(), "no-such-analysis", "why?"));
        assertEquals("rejected", task.path("status").path("state").asText());
        assertTrue(
                task.path("status").path("message").toString().contains("No analysis no-such-analysis in the history"),
                task.toString());
    }

    @Test
    void aQuestionOutsideAnyInvestigationIsRejectedWithWhatToDo() throws Exception {
        JsonNode task = send(question(UUID.randomUUID().toString(), "why was it rolled back?"));
        assertEquals("rejected", task.path("status").path("state").asText());
        assertTrue(
                task.path("status").path("message").toString().contains("No investigation in this conversation"),
                task.toString());
    }
}
