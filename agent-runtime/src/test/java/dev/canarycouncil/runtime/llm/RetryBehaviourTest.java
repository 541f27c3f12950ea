package dev.canarycouncil.runtime.llm;

import static dev.canarycouncil.runtime.llm.FakeServers.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.ModelFake;
import dev.canarycouncil.runtime.testing.ModelReply;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real langchain4j clients built by {@link ChatModels}, over {@link ModelHttpClient}, against the provider fakes. */
class RetryBehaviourTest {

    private ModelFake fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private ChatModel model(ModelProvider provider) throws IOException {
        fake = FakeServers.start(provider);
        return ChatModels.build(FakeServers.settings(provider, fake), false);
    }

    @Test
    void geminiRateLimitIsRetriedAfterTheDelayTheServerAskedFor() throws IOException {
        ChatModel model = model(ModelProvider.GEMINI);
        fake.enqueue(ModelReply.rateLimited(1), ModelReply.text("ok"));
        long start = System.nanoTime();
        assertEquals("ok", model.chat("hi"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2, fake.requestCount());
        // The backoff alone would be 500 ms; the server asked for 1 s.
        assertTrue(elapsedMs >= 900, "waited only " + elapsedMs + " ms");
    }

    @Test
    void openAiServerErrorIsRetried() throws IOException {
        ChatModel model = model(ModelProvider.OPENAI);
        fake.enqueue(ModelReply.serverError(503), ModelReply.text("fine now"));
        assertEquals("fine now", model.chat("hi"));
        assertEquals(2, fake.requestCount());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void aRetryAfterLongerThanTheMaxWaitFailsFast(ModelProvider provider) throws IOException {
        ChatModel model = model(provider);
        fake.enqueue(ModelReply.rateLimited(120), ModelReply.text("too late"));
        long start = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> model.chat("hi"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, fake.requestCount());
        assertTrue(elapsedMs < 5_000, "took " + elapsedMs + " ms");
        assertTrue(messages(e).contains("120 s"), messages(e));
    }

    @Test
    void oneAttemptMeansOneRequest() throws IOException {
        fake = FakeServers.start(ModelProvider.OPENAI);
        ChatModel model = ChatModels.build(
                FakeServers.settings(ModelProvider.OPENAI, fake).withMaxAttempts(1), false);
        fake.enqueue(ModelReply.rateLimited(1), ModelReply.text("not reached"));
        assertThrows(RuntimeException.class, () -> model.chat("hi"));
        assertEquals(1, fake.requestCount());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void aWrongKeyIsNotRetried(ModelProvider provider) throws IOException {
        fake = FakeServers.start(provider);
        ModelSettings right = FakeServers.settings(provider, fake);
        ModelSettings wrong = new ModelSettings(
                provider,
                right.model(),
                right.baseUrl(),
                "wrong-key",
                right.callTimeout(),
                3,
                right.maxOutputTokens(),
                right.structuredOutput());
        ChatModel model = ChatModels.build(wrong, false);
        RuntimeException e = assertThrows(RuntimeException.class, () -> model.chat("hi"));
        assertEquals(1, fake.requestCount(), messages(e));
    }

    @Test
    void aTimeoutIsRetriedThenReportedAsATimeout() throws IOException {
        fake = FakeServers.start(ModelProvider.OPENAI);
        ModelSettings s = FakeServers.settings(ModelProvider.OPENAI, fake)
                .withTimeout(Duration.ofMillis(500))
                .withMaxAttempts(2);
        ChatModel model = ChatModels.build(s, false);
        fake.enqueue(
                ModelReply.delayed(Duration.ofSeconds(10), ModelReply.text("late")),
                ModelReply.delayed(Duration.ofSeconds(10), ModelReply.text("late")));
        long start = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> model.chat("hi"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(FakeServers.causedBy(e, TimeoutException.class), messages(e));
        assertTrue(elapsedMs < 5_000, "took " + elapsedMs + " ms");
        assertEquals(2, fake.requestCount());
        assertTrue(messages(e).contains("2 attempts"), messages(e));
    }

    @Test
    void geminiTimeoutHonoursTheSettingsTimeout() throws IOException {
        fake = FakeServers.start(ModelProvider.GEMINI);
        ModelSettings s = FakeServers.settings(ModelProvider.GEMINI, fake)
                .withTimeout(Duration.ofMillis(400))
                .withMaxAttempts(1);
        ChatModel model = ChatModels.build(s, false);
        fake.enqueue(ModelReply.delayed(Duration.ofSeconds(10), ModelReply.text("late")));
        long start = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> model.chat("hi"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(FakeServers.causedBy(e, TimeoutException.class), messages(e));
        assertTrue(elapsedMs < 3_000, "took " + elapsedMs + " ms");
        assertEquals(1, fake.requestCount());
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsUnreachable() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelSettings s = ModelSettings.of(
                        ModelProvider.OPENAI, "m", "http://127.0.0.1:" + closedPort + "/v1", "sk-secret-key")
                .withMaxAttempts(2);
        ChatModel model = ChatModels.build(s, false);
        long start = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> model.chat("hi"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(FakeServers.causedBy(e, ModelUnreachableException.class), messages(e));
        assertTrue(messages(e).contains("127.0.0.1:" + closedPort), messages(e));
        assertTrue(elapsedMs >= 400, "the one retry waits the backoff: " + elapsedMs + " ms");
        assertTrue(!messages(e).contains("sk-secret-key"), messages(e));
    }
}
