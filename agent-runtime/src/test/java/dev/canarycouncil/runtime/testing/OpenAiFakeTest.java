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
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
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

class OpenAiFakeTest {

    private static final String KEY = "test-key";
    private static final String MODEL = "gpt-4o-mini";
    private OpenAiFake openai;

    @BeforeEach
    void start() throws IOException {
        openai = OpenAiFake.start(KEY);
    }

    @AfterEach
    void stop() {
        openai.close();
    }

    private OpenAiChatModel model(String key, Duration timeout, int maxRetries) {
        return OpenAiChatModel.builder()
                .baseUrl(openai.url())
                .apiKey(key)
                .modelName(MODEL)
                .timeout(timeout)
                .maxRetries(maxRetries)
                .build();
    }

    private OpenAiChatModel model() {
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
        openai.enqueue(ModelReply.text("hello there"));

        ChatResponse response = model().chat(ChatRequest.builder()
                .messages(SystemMessage.from("Be brief."), UserMessage.from("Say hi"))
                .build());

        assertEquals("hello there", response.aiMessage().text());
        ModelRequest request = openai.lastRequest();
        assertEquals(MODEL, request.model());
        assertEquals("Bearer " + KEY, request.header("authorization"));
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
        openai.enqueue(ModelReply.toolCall("lookup", "{\"pod\":\"web-1\"}"), ModelReply.text("done"));

        assertEquals("done", assistant.chat("How is web-1?"));

        assertEquals(List.of("web-1"), tools.looked);
        assertEquals(2, openai.requestCount());
        ModelRequest second = openai.requests().get(1);
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
        openai.enqueue(ModelReply.json(Map.of("verdict", "promote")));

        ChatResponse response = model().chat(ChatRequest.builder()
                .messages(UserMessage.from("Judge the canary"))
                .responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(schema)
                        .build())
                .build());

        assertEquals("{\"verdict\":\"promote\"}", response.aiMessage().text());
        assertTrue(openai.lastRequest().jsonSchemaRequested());
    }

    @Test
    void rateLimitFailsOnceWithRetryInfo() throws Exception {
        openai.enqueue(ModelReply.rateLimited(20));
        RuntimeException e = assertThrows(RuntimeException.class, () -> model().chat("hi"));
        assertInstanceOf(RateLimitException.class, e);
        assertEquals(1, openai.requestCount());

        openai.enqueue(ModelReply.rateLimited(20));
        HttpResponse<String> raw = post(KEY);
        assertEquals(429, raw.statusCode());
        assertEquals("20", raw.headers().firstValue("Retry-After").orElse(null));
        JsonNode error = new ObjectMapper().readTree(raw.body()).path("error");
        assertEquals("rate_limit_exceeded", error.path("code").asText());
        assertEquals("requests", error.path("type").asText());
    }

    @Test
    void maxRetriesCountsExtraAttemptsOnServerErrors() {
        openai.enqueue(ModelReply.serverError(503), ModelReply.text("second time lucky"));
        assertEquals("second time lucky", model(KEY, Duration.ofSeconds(5), 1).chat("hi"));
        assertEquals(2, openai.requestCount());

        openai.enqueue(ModelReply.serverError(500));
        assertInstanceOf(InternalServerException.class, assertThrows(RuntimeException.class, () -> model().chat("hi")));
        assertEquals(3, openai.requestCount());
    }

    @Test
    void malformedBodyFails() {
        openai.enqueue(ModelReply.garbage("<html>upstream connect error</html>"));
        assertThrows(RuntimeException.class, () -> model().chat("hi"));
        assertEquals(1, openai.requestCount());
    }

    @Test
    void slowAnswerTimesOut() {
        openai.enqueue(ModelReply.delayed(Duration.ofSeconds(10), ModelReply.text("late")));
        long started = System.nanoTime();
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> model(KEY, Duration.ofMillis(500), 0).chat("hi"));
        assertInstanceOf(TimeoutException.class, e);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 8);
    }

    @Test
    void wrongKeyFailsWithoutUsingTheScript() {
        openai.enqueue(ModelReply.text("kept"));
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> model("wrong-key", Duration.ofSeconds(5), 0).chat("hi"));
        assertInstanceOf(AuthenticationException.class, e);
        assertTrue(e.getMessage().contains("invalid_api_key"), e.getMessage());
        assertEquals("Bearer wrong-key", openai.lastRequest().header("authorization"));
        assertEquals("kept", model().chat("hi"));
    }

    private HttpResponse<String> post(String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(openai.url() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
