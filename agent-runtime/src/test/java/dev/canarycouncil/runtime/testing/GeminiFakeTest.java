package dev.canarycouncil.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.service.AiServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeminiFakeTest {

    private static final String KEY = "test-key";
    private static final String MODEL = "gemini-2.5-flash";
    private GeminiFake gemini;

    @BeforeEach
    void start() throws IOException {
        gemini = GeminiFake.start(KEY);
    }

    @AfterEach
    void stop() {
        gemini.close();
    }

    private GoogleAiGeminiChatModel model(String key, Duration timeout, int maxRetries) {
        return GoogleAiGeminiChatModel.builder()
                .baseUrl(gemini.url())
                .apiKey(key)
                .modelName(MODEL)
                .timeout(timeout)
                .maxRetries(maxRetries)
                .build();
    }

    private GoogleAiGeminiChatModel model() {
        return model(KEY, Duration.ofSeconds(5), 0);
    }

    interface Assistant {
        String chat(String message);
    }

    static final class PodTools {
        final List<String> looked = new CopyOnWriteArrayList<>();

        @Tool("Looks up a pod's status")
        String lookup(@P(name = "pod", value = "the pod name") String pod) {
            looked.add(pod);
            return "pod " + pod + " is Running";
        }
    }

    @Test
    void plainChatReturnsTextAndTheFakesTokenCounts() {
        gemini.enqueue(ModelReply.text("hello there"));

        ChatResponse response = model().chat(ChatRequest.builder()
                .messages(SystemMessage.from("Be brief."), UserMessage.from("Say hi"))
                .build());

        assertEquals("hello there", response.aiMessage().text());
        ModelRequest request = gemini.lastRequest();
        assertEquals(MODEL, request.model());
        assertEquals(KEY, request.header("X-Goog-Api-Key"));
        assertEquals("Be brief.", request.systemText());
        assertEquals(List.of(new ModelRequest.Turn("user", "Say hi", List.of(), List.of())), request.messages());
        assertEquals(4, request.promptTokens()); // "Be brief.\nSay hi" = 16 chars
        assertEquals(4, response.tokenUsage().inputTokenCount());
        assertEquals(3, response.tokenUsage().outputTokenCount()); // "hello there" = 11 chars
    }

    @Test
    void toolCallsRunThroughAiServices() {
        PodTools tools = new PodTools();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model())
                .tools(tools)
                .build();
        gemini.enqueue(ModelReply.toolCall("lookup", "{\"pod\":\"web-1\"}"), ModelReply.text("done"));

        assertEquals("done", assistant.chat("How is web-1?"));

        assertEquals(List.of("web-1"), tools.looked);
        assertEquals(2, gemini.requestCount());
        ModelRequest second = gemini.requests().get(1);
        assertEquals(List.of("lookup"), second.toolNames());
        assertEquals(
                List.of("user", "assistant", "tool"),
                second.messages().stream().map(ModelRequest.Turn::role).toList());
        assertEquals(List.of("lookup"), second.messages().get(1).toolCallNames());
        assertEquals(List.of("pod web-1 is Running"), second.messages().get(2).toolResultTexts());
        assertTrue(second.allText().contains("pod web-1 is Running"));
    }

    @Test
    void jsonSchemaModeIsSeenAndTheJsonComesBack() {
        JsonSchema schema = JsonSchema.builder()
                .name("Verdict")
                .rootElement(JsonObjectSchema.builder()
                        .addStringProperty("verdict")
                        .required("verdict")
                        .build())
                .build();
        gemini.enqueue(ModelReply.json(Map.of("verdict", "promote")));

        ChatResponse response = model().chat(ChatRequest.builder()
                .messages(UserMessage.from("Judge the canary"))
                .responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(schema)
                        .build())
                .build());

        assertEquals("{\"verdict\":\"promote\"}", response.aiMessage().text());
        assertTrue(gemini.lastRequest().jsonSchemaRequested());
    }

    @Test
    void rateLimitFailsOnceWithRetryInfo() throws Exception {
        gemini.enqueue(ModelReply.rateLimited(20));
        RuntimeException e = assertThrows(RuntimeException.class, () -> model().chat("hi"));
        assertInstanceOf(RateLimitException.class, e);
        assertEquals(1, gemini.requestCount());

        gemini.enqueue(ModelReply.rateLimited(20));
        HttpResponse<String> raw = post(KEY);
        assertEquals(429, raw.statusCode());
        assertEquals("20", raw.headers().firstValue("Retry-After").orElse(null));
        JsonNode error = new ObjectMapper().readTree(raw.body()).path("error");
        assertEquals("RESOURCE_EXHAUSTED", error.path("status").asText());
        assertEquals("20s", error.path("details").path(0).path("retryDelay").asText());
    }

    @Test
    void maxRetriesCountsExtraAttemptsOnServerErrors() {
        gemini.enqueue(ModelReply.serverError(503), ModelReply.text("second time lucky"));
        assertEquals("second time lucky", model(KEY, Duration.ofSeconds(5), 1).chat("hi"));
        assertEquals(2, gemini.requestCount());

        gemini.enqueue(ModelReply.serverError(500));
        assertInstanceOf(InternalServerException.class, assertThrows(RuntimeException.class, () -> model().chat("hi")));
        assertEquals(3, gemini.requestCount());
    }

    @Test
    void malformedBodyFails() {
        gemini.enqueue(ModelReply.garbage("<html>upstream connect error</html>"));
        assertThrows(RuntimeException.class, () -> model().chat("hi"));
        assertEquals(1, gemini.requestCount());
    }

    @Test
    void slowAnswerTimesOut() {
        gemini.enqueue(ModelReply.delayed(Duration.ofSeconds(10), ModelReply.text("late")));
        long started = System.nanoTime();
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> model(KEY, Duration.ofMillis(500), 0).chat("hi"));
        assertInstanceOf(TimeoutException.class, e);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 8);
    }

    @Test
    void wrongKeyFailsWithoutUsingTheScript() {
        gemini.enqueue(ModelReply.text("kept"));
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> model("wrong-key", Duration.ofSeconds(5), 0).chat("hi"));
        assertInstanceOf(InvalidRequestException.class, e); // Google answers a bad key with 400 API_KEY_INVALID
        assertTrue(e.getMessage().contains("API key not valid"), e.getMessage());
        assertEquals("wrong-key", gemini.lastRequest().header("x-goog-api-key"));
        assertEquals("kept", model().chat("hi"));
    }

    private HttpResponse<String> post(String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gemini.url() + "/models/" + MODEL + ":generateContent"))
                .header("Content-Type", "application/json")
                .header("x-goog-api-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}"))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
