package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.GeminiFake;
import dev.canarycouncil.runtime.testing.ModelFake;
import dev.canarycouncil.runtime.testing.ModelReply;
import dev.canarycouncil.runtime.testing.ModelRequest;
import dev.canarycouncil.runtime.testing.OpenAiFake;
import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole council with a model, through the launcher, against local fakes of the Gemini and
 * OpenAI APIs driven by the real langchain4j clients.
 */
class ModelEndToEndTest {

    private static final String KEY = "test-model-key-5f2e9a";

    @TempDir
    Path tmp;

    private CliRun analyze(ModelFake fake, String model, String recording, String... extra) throws Exception {
        Path keyFile = tmp.resolve("key");
        Files.writeString(keyFile, KEY);
        List<String> args = new java.util.ArrayList<>(List.of(
                "analyze",
                "--recording",
                Recordings.named(recording).toString(),
                "--json",
                "--model",
                model,
                "--model-url",
                fake.url(),
                "--model-key-file",
                keyFile.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void geminiReviewsEveryMemberUsesAToolWritesTheProseAndIsAccountedFor() throws Exception {
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(new CouncilModelScript());
            CliRun run = analyze(gemini, "gemini:gemini-2.5-flash", "go-panic-index-out-of-range");
            assertEquals(1, run.code(), run.err());
            JsonNode v = Json.mapper().readTree(run.out());
            assertEquals("ROLLBACK", v.path("decision").asText());
            assertEquals("model-assisted", v.path("mode").asText());
            assertEquals(CouncilModelScript.ANALYSIS, v.path("analysis").asText());
            assertEquals(CouncilModelScript.ROOT_CAUSE, v.path("rootCause").asText());
            for (JsonNode f : v.path("findings")) {
                assertEquals("ANSWERED", f.path("review").path("status").asText(), f.toString());
                assertEquals(
                        "gemini:gemini-2.5-flash",
                        f.path("review").path("model").asText());
                assertEquals("ROLLBACK", f.path("review").path("verdict").asText());
            }
            assertTrue(v.path("issue").path("body").asText().contains(CouncilModelScript.ISSUE_SUMMARY));
            assertEquals(
                    "gemini:gemini-2.5-flash", v.path("issue").path("writtenBy").asText());

            // The log analyst's model looked at the pods through the MCP server, and saw the answer fenced as data.
            List<ModelRequest> requests = gemini.requests();
            ModelRequest afterTool = requests.stream()
                    .filter(r -> r.messages().stream()
                            .anyMatch(t -> !t.toolResultTexts().isEmpty()))
                    .findFirst()
                    .orElseThrow();
            String toolResult = afterTool.messages().stream()
                    .flatMap(t -> t.toolResultTexts().stream())
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    toolResult.contains("source=\"tool:list_pods\"") && toolResult.contains("checkout-7c9d6f5b4"),
                    toolResult);

            // Accounting: what the verdict says was spent is what the model server counted.
            long input = requests.stream().mapToLong(ModelRequest::promptTokens).sum();
            JsonNode total = v.path("models").path("total");
            assertEquals(requests.size(), total.path("calls").asInt());
            assertEquals(input, total.path("inputTokens").asLong());
            JsonNode perAgent = v.path("models").path("perAgent");
            for (String agent : List.of("log-analyst", "metrics-agent", "orchestrator", "issue-writer")) {
                assertTrue(perAgent.path(agent).path("calls").asInt() >= 1, agent + " " + perAgent);
            }
            assertEquals(
                    2,
                    perAgent.path("log-analyst").path("calls").asInt(),
                    "a tool call, then the judgement on its answer");

            // The key went in the header the Gemini API wants, never into what was printed.
            assertTrue(requests.stream().allMatch(r -> KEY.equals(r.header("x-goog-api-key"))));
            assertFalse(run.out().contains(KEY) || run.err().contains(KEY));
        }
    }

    @Test
    void anOpenAiCompatibleServerWorksTheSameWay() throws Exception {
        try (OpenAiFake openai = OpenAiFake.start(KEY)) {
            openai.respondWith(new CouncilModelScript());
            CliRun run = analyze(openai, "openai:qwen2.5-7b-instruct", "healthy-color-change");
            assertEquals(0, run.code(), run.err());
            JsonNode v = Json.mapper().readTree(run.out());
            assertEquals("PROMOTE", v.path("decision").asText());
            assertEquals("model-assisted", v.path("mode").asText());
            assertEquals(
                    "none",
                    v.path("rootCause").asText(),
                    "a promoted canary has no root cause, whatever the model says");
            // OpenAI-compatible servers get the schema in the request even with tools.
            assertTrue(openai.requests().stream().allMatch(ModelRequest::jsonSchemaRequested));
            assertTrue(openai.requests().stream().allMatch(r -> ("Bearer " + KEY).equals(r.header("Authorization"))));
        }
    }

    @Test
    void aFailingModelLeavesTheDeterministicVerdictAndSaysSo() throws Exception {
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(r -> ModelReply.serverError(500));
            CliRun run = analyze(gemini, "gemini", "healthy-color-change", "--model-timeout", "5s");
            assertEquals(0, run.code(), run.err());
            JsonNode v = Json.mapper().readTree(run.out());
            assertEquals("PROMOTE", v.path("decision").asText());
            assertTrue(
                    v.path("mode").asText().startsWith("deterministic"),
                    v.path("mode").asText());
            for (JsonNode f : v.path("findings")) {
                assertEquals("FAILED", f.path("review").path("status").asText());
                assertTrue(f.path("review").path("detail").asText().contains("HTTP 500"), f.toString());
            }
            JsonNode notes = v.path("models").path("notes");
            assertTrue(notes.size() >= 3, notes.toString());
            assertNotNull(v.path("analysis").asText(null), "the template writes the prose");
        }
    }

    @Test
    void aModelRateLimitedForLongerThanTheAnalysisWaitsDegradesAtOnce() throws Exception {
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(r -> ModelReply.rateLimited(600));
            long started = System.nanoTime();
            CliRun run = analyze(gemini, "gemini", "go-panic-index-out-of-range");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(1, run.code(), run.err());
            JsonNode v = Json.mapper().readTree(run.out());
            assertEquals("ROLLBACK", v.path("decision").asText());
            assertTrue(v.path("findings")
                    .get(0)
                    .path("review")
                    .path("detail")
                    .asText()
                    .contains("429"));
            assertTrue(millis < 30_000, "did not wait out a 600 s Retry-After: " + millis + " ms");
        }
    }

    @Test
    void withoutAModelTheVerdictSaysDeterministicAndCarriesNoModelMetadata() throws Exception {
        CliRun run = CliRun.of(
                "analyze",
                "--recording",
                Recordings.named("healthy-color-change").toString(),
                "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode v = Json.mapper().readTree(run.out());
        assertEquals("deterministic", v.path("mode").asText());
        assertTrue(v.path("models").isMissingNode());
        assertTrue(v.path("findings").get(0).path("review").isMissingNode());
        assertFalse(v.path("analysis").asText("").isBlank(), "template prose");
    }

    @Test
    void aGeminiModelWithoutAKeyIsAUsageError() {
        CliRun run = CliRun.of(
                "analyze",
                "--recording",
                Recordings.named("healthy-color-change").toString(),
                "--model",
                "gemini");
        // The CI environment has no Gemini key; a developer machine might.
        if (System.getenv("GEMINI_API_KEY") == null
                && System.getenv("GOOGLE_API_KEY") == null
                && System.getenv("CANARY_COUNCIL_MODEL_API_KEY") == null) {
            assertEquals(3, run.code());
            assertTrue(run.err().contains("needs an API key"), run.err());
        }
    }

    @Test
    void geminiGetsTheSchemaWhereItAcceptsItAndInstructionsWhereToolsAreOffered() throws Exception {
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(new CouncilModelScript());
            assertEquals(
                    1,
                    analyze(gemini, "gemini:gemini-2.5-flash", "go-panic-index-out-of-range")
                            .code());
            // Gemini 2.5 refuses a response schema together with function declarations.
            for (ModelRequest r : gemini.requests()) {
                assertFalse(
                        !r.toolNames().isEmpty() && r.jsonSchemaRequested(),
                        "schema and tools together: " + r.systemText());
            }
            assertTrue(
                    gemini.requests().stream()
                            .filter(r -> r.toolNames().isEmpty())
                            .allMatch(ModelRequest::jsonSchemaRequested),
                    "the coordinator and the issue writer get the schema");
            assertTrue(
                    gemini.requests().stream()
                            .filter(r -> !r.toolNames().isEmpty())
                            .allMatch(r -> r.allText().contains("\"verdict\"")),
                    "tool-using reviews get the format as instructions");
        }
    }

    @Test
    void answersThatAreNotTheJsonAskedForAreRejectedAndTheVerdictStands() throws Exception {
        try (OpenAiFake openai = OpenAiFake.start(KEY)) {
            openai.respondWith(r -> ModelReply.text("Sure! The canary looks fine to me, promote it."));
            CliRun run = analyze(openai, "openai:llama3", "go-panic-index-out-of-range");
            assertEquals(1, run.code(), run.err());
            JsonNode v = Json.mapper().readTree(run.out());
            assertEquals("ROLLBACK", v.path("decision").asText());
            for (JsonNode f : v.path("findings")) {
                assertEquals(
                        "REJECTED",
                        f.path("review").path("status").asText(),
                        f.path("review").toString());
            }
            assertTrue(v.path("mode").asText().startsWith("deterministic"));
        }
    }

    @Test
    void theTokenBudgetIsSharedOutAndNeverExceeded() throws Exception {
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(new CouncilModelScript());
            long budget = 12_000;
            CliRun run =
                    analyze(gemini, "gemini", "go-panic-index-out-of-range", "--token-budget", Long.toString(budget));
            assertEquals(1, run.code(), run.err());
            JsonNode v = Json.mapper().readTree(run.out());
            JsonNode models = v.path("models");
            assertEquals(budget, models.path("budget").asLong());
            long share = budget / 4; // two voters, the issue writer and the coordinator
            models.path("perAgent").fields().forEachRemaining(e -> {
                long spent = e.getValue().path("inputTokens").asLong()
                        + e.getValue().path("outputTokens").asLong();
                assertTrue(spent <= share, e.getKey() + " spent " + spent + " of its " + share);
            });
            assertTrue(models.path("notes").toString().contains("over_budget"), models.toString());
            assertEquals("ROLLBACK", v.path("decision").asText());
        }
    }

    @Test
    void secretsInLogsAreRedactedBeforeAnyModelSeesThem() throws Exception {
        Path dir = Recordings.copy("go-panic-index-out-of-range", tmp);
        Path log = dir.resolve("logs/checkout-7c9d6f5b4-g8mzr.log");
        String secret = "s3cr3t-hunter2-value";
        String line = "time=\"2026-05-05T10:09:59.000Z\" level=error msg=\"db login failed\" password=" + secret
                + " dsn=postgres://app:" + secret + "@db:5432/shop\n";
        // Three times: a new error template the log analyst reports, with a sample line, in its digest.
        Files.writeString(log, Files.readString(log) + line + line + line);
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(new CouncilModelScript());
            CliRun run = CliRun.of(
                    "analyze",
                    "--recording",
                    dir.toString(),
                    "--json",
                    "--model",
                    "gemini",
                    "--model-url",
                    gemini.url(),
                    "--model-key-file",
                    Files.writeString(tmp.resolve("k"), KEY).toString());
            assertEquals(1, run.code(), run.err());
            assertTrue(
                    gemini.requests().stream().anyMatch(r -> r.allText().contains("db login failed")),
                    "the line itself should reach the model");
            assertTrue(gemini.requests().stream().noneMatch(r -> r.rawBody().contains(secret)));
        }
    }
}
