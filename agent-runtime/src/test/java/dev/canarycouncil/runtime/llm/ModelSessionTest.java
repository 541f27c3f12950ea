package dev.canarycouncil.runtime.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.ModelReview.Status;
import dev.canarycouncil.runtime.testing.ModelFake;
import dev.canarycouncil.runtime.testing.ModelReply;
import dev.canarycouncil.runtime.testing.ModelRequest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelSessionTest {

    record Weather(String city, int degrees) {}

    private ModelFake fake;
    private ModelSession session;

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private void start(ModelProvider provider, ModelSettings settings, Duration timeout) {
        session = new ModelSession("test-agent", settings, true, timeout, new Redactor());
    }

    private ModelSettings startFake(ModelProvider provider) throws IOException {
        fake = FakeServers.start(provider);
        return FakeServers.settings(provider, fake);
    }

    private ModelOutcome<Weather> ask(long budget) throws InterruptedException {
        return session.run(
                budget,
                (model, fence) -> JsonAnswer.ask(model, "system", "user " + fence.fence("src", "data"), Weather.class));
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void validJsonIsAnsweredAndTheProvidersUsageCharged(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofSeconds(5));
        String json = "{\"city\":\"Oslo\",\"degrees\":-3}";
        fake.enqueue(ModelReply.json(json));

        ModelOutcome<Weather> outcome = ask(10_000);

        assertEquals(Status.ANSWERED, outcome.status(), outcome.detail());
        assertTrue(outcome.answered());
        assertEquals(new Weather("Oslo", -3), outcome.value());
        assertNull(outcome.detail());
        assertEquals(1, fake.requestCount());
        ModelRequest seen = fake.lastRequest();
        assertEquals(1, outcome.usage().calls());
        assertEquals(seen.promptTokens(), outcome.usage().inputTokens());
        assertEquals(ModelReply.tokens(json.length()), outcome.usage().outputTokens());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void theRequestAsksForAJsonSchemaAndCarriesTheFence(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofSeconds(5));
        fake.enqueue(ModelReply.json("{\"city\":\"Oslo\",\"degrees\":1}"));
        ask(10_000);
        ModelRequest seen = fake.lastRequest();
        assertTrue(seen.jsonSchemaRequested(), seen.rawBody());
        assertTrue(seen.rawBody().contains("degrees"), "the record's schema travels in the request: " + seen.rawBody());
        assertEquals("system", seen.systemText());
        assertTrue(
                seen.lastTurn("user")
                        .text()
                        .matches("(?s)user <data-[0-9a-f]{12} source=\"src\">\ndata\n</data-[0-9a-f]{12}>"),
                seen.lastTurn("user").text());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void proseInsteadOfJsonIsRejected(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofSeconds(5));
        fake.enqueue(ModelReply.text("Sure! here you go"));
        ModelOutcome<Weather> outcome = ask(10_000);
        assertEquals(Status.REJECTED, outcome.status());
        assertNull(outcome.value());
        assertTrue(outcome.detail().contains("unusable"), outcome.detail());
        // The call was made, so it is charged.
        assertEquals(1, outcome.usage().calls());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void aServerErrorOnEveryAttemptFails(ModelProvider provider) throws Exception {
        ModelSettings s = startFake(provider).withMaxAttempts(2);
        start(provider, s, Duration.ofSeconds(5));
        fake.respondWith(r -> ModelReply.serverError(500));
        ModelOutcome<Weather> outcome = ask(10_000);
        assertEquals(Status.FAILED, outcome.status());
        assertFalse(outcome.answered());
        assertNull(outcome.value());
        assertTrue(outcome.detail().contains("HTTP 500"), outcome.detail());
        assertEquals(2, fake.requestCount());
        assertEquals(0, outcome.usage().calls());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void aPromptLargerThanTheBudgetIsNeverSent(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofSeconds(5));
        ModelOutcome<Weather> outcome = session.run(
                10,
                (model, fence) ->
                        JsonAnswer.ask(model, "system", "user " + fence.fence("src", "x".repeat(400)), Weather.class));
        assertEquals(Status.OVER_BUDGET, outcome.status());
        assertNull(outcome.value());
        assertEquals(0, fake.requestCount());
        assertEquals(0, outcome.usage().totalTokens());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void aZeroBudgetMakesNoCall(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofSeconds(5));
        boolean[] called = {false};
        ModelOutcome<Weather> outcome = session.run(0, (model, fence) -> {
            called[0] = true;
            return JsonAnswer.ask(model, "s", "u", Weather.class);
        });
        assertEquals(Status.OVER_BUDGET, outcome.status());
        assertFalse(called[0]);
        assertEquals(0, fake.requestCount());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void theWallClockLimitEndsASlowCall(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofMillis(400));
        fake.enqueue(ModelReply.delayed(Duration.ofSeconds(10), ModelReply.json("{\"city\":\"Oslo\",\"degrees\":1}")));
        long started = System.nanoTime();
        ModelOutcome<Weather> outcome = ask(10_000);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.TIMED_OUT, outcome.status());
        assertNull(outcome.value());
        assertTrue(elapsedMs < 2_000, "took " + elapsedMs + " ms");
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void aFailureDetailIsRedacted(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofSeconds(5));
        ModelOutcome<Weather> outcome = session.run(10_000, (model, fence) -> {
            throw new IllegalStateException("broke while using password=hunter2");
        });
        assertEquals(Status.FAILED, outcome.status());
        assertFalse(outcome.detail().contains("hunter2"), outcome.detail());
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelProvider.class,
            names = {"GEMINI", "OPENAI"})
    void aProxysHtmlPageIsAFailedCallNotARejectedAnswer(ModelProvider provider) throws Exception {
        start(provider, startFake(provider), Duration.ofSeconds(5));
        fake.enqueue(ModelReply.garbage("<html>502 Bad Gateway</html>"));
        ModelOutcome<Weather> outcome = ask(10_000);
        assertFalse(outcome.answered());
        assertNull(outcome.value());
        assertEquals(Status.FAILED, outcome.status(), outcome.detail());
        assertEquals(1, fake.requestCount(), "a 200 is not retried");
    }

    @org.junit.jupiter.api.Test
    void anUnreachableModelFails() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelSettings s = ModelSettings.of(
                        ModelProvider.GEMINI, null, "http://127.0.0.1:" + closedPort + "/v1beta", "k")
                .withMaxAttempts(1);
        start(ModelProvider.GEMINI, s, Duration.ofSeconds(5));
        ModelOutcome<Weather> outcome = ask(10_000);
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.detail().contains("cannot connect"), outcome.detail());
    }
}
