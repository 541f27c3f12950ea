package dev.canarycouncil.runtime.a2a;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.SseEvents;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The A2A 0.3 JSON-RPC wire format of a hosted agent, checked with raw HTTP. */
class A2aAgentServerTest {

    private static Vertx vertx;
    private static ToyAgent agent;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        agent = new ToyAgent(vertx, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        agent.close();
        vertx.close();
    }

    static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + UUID.randomUUID() + "\",\"method\":\"" + method + "\",\"params\":"
                + params + "}";
    }

    static String sendParams(String text) {
        return "{\"message\":{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"" + UUID.randomUUID()
                + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + text + "\"}]}}";
    }

    private static JsonNode rpc(String body) throws Exception {
        var response = TestHttp.postJson(agent.url() + "/", body);
        assertEquals(200, response.statusCode());
        return Json.mapper().readTree(response.body());
    }

    @Test
    void servesItsCardWithItsOwnUrlAtBothWellKnownPaths() throws Exception {
        for (String path : List.of("/.well-known/agent-card.json", "/.well-known/agent.json")) {
            JsonNode card =
                    Json.mapper().readTree(TestHttp.get(agent.url() + path).body());
            assertEquals("toy", card.get("name").asText());
            assertEquals(agent.url(), card.get("url").asText());
            assertEquals("JSONRPC", card.get("preferredTransport").asText());
            assertTrue(card.get("capabilities").get("streaming").asBoolean());
        }
    }

    @Test
    void blockingSendReturnsTheCompletedTaskWithItsArtifact() throws Exception {
        JsonNode task = rpc(request("message/send", sendParams("echo hello"))).get("result");
        assertEquals("task", task.get("kind").asText());
        assertEquals("completed", task.get("status").get("state").asText());
        assertEquals(
                "hello",
                task.get("artifacts").get(0).get("parts").get(0).get("text").asText());
    }

    @Test
    void blockingSendWaitsForWorkLongerThanTheSdkDefaultOfFiveSeconds() throws Exception {
        JsonNode task = rpc(request("message/send", sendParams("sleep 5600"))).get("result");
        assertEquals("completed", task.get("status").get("state").asText(), task::toString);
        assertEquals("slept", task.get("artifacts").get(0).get("name").asText());
    }

    @Test
    void streamingSendStartsWithTheTaskThenReportsProgressThenCompletes() throws Exception {
        SseEvents.Stream stream = SseEvents.post(
                agent.url() + "/", request("message/stream", sendParams("echo stream")), Duration.ofSeconds(30));
        assertEquals(200, stream.status());
        assertTrue(stream.contentType().startsWith("text/event-stream"));
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
        assertTrue(progress.contains("thinking about stream"), progress::toString);
        assertTrue(results.stream()
                .anyMatch(r -> "artifact-update".equals(r.path("kind").asText())));
        JsonNode last = results.get(results.size() - 1);
        assertEquals("completed", last.get("status").get("state").asText());
        assertTrue(last.get("final").asBoolean());
    }

    @Test
    void streamedEventsKeepTheirOrderUnderRepetition() throws Exception {
        // The SDK's publisher once reordered about 2% of streams; 200 runs catch that almost surely.
        for (int i = 0; i < 200; i++) {
            SseEvents.Stream stream = SseEvents.post(
                    agent.url() + "/", request("message/stream", sendParams("echo run" + i)), Duration.ofSeconds(30));
            List<String> kinds = stream.events().stream()
                    .map(e -> e.get("result"))
                    .map(r -> r.path("kind").asText() + ":"
                            + r.path("status").path("state").asText(""))
                    .toList();
            assertEquals(
                    List.of(
                            "task:submitted",
                            "status-update:working",
                            "status-update:working",
                            "status-update:working",
                            "artifact-update:",
                            "status-update:completed"),
                    kinds,
                    "run " + i);
        }
    }

    @Test
    void getReturnsAKnownTaskAndAnErrorForAnUnknownOne() throws Exception {
        JsonNode task =
                rpc(request("message/send", sendParams("echo remember me"))).get("result");
        JsonNode fetched = rpc(request(
                        "tasks/get", "{\"id\":\"" + task.get("id").asText() + "\"}"))
                .get("result");
        assertEquals("completed", fetched.get("status").get("state").asText());
        JsonNode error = rpc(request("tasks/get", "{\"id\":\"no-such-task\"}")).get("error");
        assertEquals(-32001, error.get("code").asInt());
    }

    @Test
    void cancelStopsRunningWorkAndEndsTheTaskCanceled() throws Exception {
        String params = sendParams("sleep 20000").replace("}}", "},\"configuration\":{\"blocking\":false}}");
        JsonNode task = rpc(request("message/send", params)).get("result");
        String id = task.get("id").asText();
        JsonNode canceled =
                rpc(request("tasks/cancel", "{\"id\":\"" + id + "\"}")).get("result");
        assertEquals("canceled", canceled.get("status").get("state").asText());
        assertTrue(
                agent.interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS),
                "the work thread was not interrupted");
    }

    @Test
    void invalidInputIsRejectedAndFailuresFailWithAMessageNotAStackTrace() throws Exception {
        JsonNode rejected = rpc(request("message/send", sendParams("reject"))).get("result");
        assertEquals("rejected", rejected.get("status").get("state").asText());
        assertTrue(rejected.get("status").get("message").toString().contains("only understand echo"));
        JsonNode failed = rpc(request("message/send", sendParams("explode"))).get("result");
        assertEquals("failed", failed.get("status").get("state").asText());
        String text = failed.get("status").get("message").toString();
        assertTrue(text.contains("asked to fail"), text);
        assertTrue(!text.contains("at dev.canarycouncil"), text);
    }

    @Test
    void malformedRequestsGetJsonRpcErrors() throws Exception {
        assertEquals(-32700, rpc("{not json").get("error").get("code").asInt());
        assertEquals(-32600, rpc("[1,2]").get("error").get("code").asInt());
        assertEquals(
                -32601,
                rpc(request("tasks/frobnicate", "{}")).get("error").get("code").asInt());
        assertEquals(
                -32602,
                rpc(request("message/send", "{\"message\":42}"))
                        .get("error")
                        .get("code")
                        .asInt());
    }
}
