package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.ModelReply;
import dev.canarycouncil.runtime.testing.OpenAiFake;
import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong or manipulated model cannot decide a release: across the bundled recordings (with and
 * without metrics), a model that answers PROMOTE 100 to everything never promotes a broken canary,
 * and one that answers ROLLBACK 100 to everything holds healthy canaries at most INCONCLUSIVE.
 * The models are a local OpenAI-compatible server driven by the real langchain4j client.
 */
class AdversarialModelTest {

    private static final String KEY = "adversarial-key-91c4";

    @TempDir
    Path tmp;

    private static String judgement(String verdict) {
        return "{\"verdict\":\"" + verdict + "\",\"confidence\":100,\"reasoning\":\"The evidence clearly shows it.\","
                + "\"rootCause\":\"none\"}";
    }

    /** Copies of the bundled recordings whose expected verdict is (or is not) PROMOTE. */
    private Path recordings(boolean healthy) throws Exception {
        Path dir = tmp.resolve(healthy ? "healthy" : "not-healthy");
        Files.createDirectories(dir);
        try (Stream<Path> all = Files.list(Recordings.root())) {
            for (Path r : all.filter(Files::isDirectory).sorted().toList()) {
                JsonNode manifest =
                        Json.mapper().readTree(r.resolve("rollout.json").toFile());
                if (manifest.path("expected").path("verdict").asText().equals("PROMOTE") == healthy) {
                    Files.move(Recordings.copy(r.getFileName().toString(), tmp), dir.resolve(r.getFileName()));
                }
            }
        }
        return dir;
    }

    private List<JsonNode> eval(Path recordings, String verdict) throws Exception {
        Path key = tmp.resolve("key");
        Files.writeString(key, KEY);
        Path report = tmp.resolve("report-" + verdict);
        try (OpenAiFake model = OpenAiFake.start(KEY)) {
            model.respondWith(request -> ModelReply.text(judgement(verdict)));
            CliRun run = CliRun.of(
                    "eval",
                    "--recordings",
                    recordings.toString(),
                    "--report",
                    report.toString(),
                    "-q",
                    "--model",
                    "openai:always-" + verdict.toLowerCase(),
                    "--model-url",
                    model.url(),
                    "--model-key-file",
                    key.toString(),
                    "--model-timeout",
                    "10s");
            assertTrue(run.code() == 0 || run.code() == 1, run.err());
            assertTrue(model.requests().size() > 0, "the model was asked");
        }
        List<JsonNode> cases = new ArrayList<>();
        Json.mapper()
                .readTree(report.resolve("eval-report.json").toFile())
                .path("cases")
                .forEach(cases::add);
        return cases;
    }

    @Test
    void aModelThatAlwaysPromotesNeverPromotesABrokenCanary() throws Exception {
        Path broken = recordings(false);
        long count;
        try (Stream<Path> list = Files.list(broken)) {
            count = list.count();
        }
        List<JsonNode> cases = eval(broken, "PROMOTE");
        assertEquals(count, cases.size());
        assertTrue(count >= 40, "broken, inconclusive and logs-only recordings: " + count);
        for (JsonNode c : cases) {
            assertNotEquals(
                    "PROMOTE", c.path("decision").asText(), c.path("name").asText() + " was promoted by the model");
        }
    }

    @Test
    void aModelThatAlwaysRollsBackHoldsHealthyCanariesAtMostInconclusive() throws Exception {
        List<JsonNode> cases = eval(recordings(true), "ROLLBACK");
        assertTrue(cases.size() >= 30, "healthy recordings: " + cases.size());
        for (JsonNode c : cases) {
            assertNotEquals(
                    "ROLLBACK", c.path("decision").asText(), c.path("name").asText() + " was rolled back by the model");
        }
    }

    /**
     * Without metrics the evidence engines see less, and a model could fill the gap: on every bundled
     * recording with its metrics.om removed, a model answering PROMOTE 100 promotes only what the
     * engines promote without it, and one answering ROLLBACK 100 rolls back only what they roll back.
     */
    @Test
    void withoutMetricsAModelMovesNoVerdictPastWhatTheEnginesSaw() throws Exception {
        Path dir = LogsOnlyRecordings.copyAll(tmp);
        Path report = tmp.resolve("report-deterministic");
        CliRun run = CliRun.of("eval", "--recordings", dir.toString(), "--report", report.toString(), "-q");
        assertTrue(run.code() == 0 || run.code() == 1, run.err());
        java.util.Map<String, String> engines = new java.util.HashMap<>();
        Json.mapper()
                .readTree(report.resolve("eval-report.json").toFile())
                .path("cases")
                .forEach(c ->
                        engines.put(c.path("name").asText(), c.path("decision").asText()));
        assertTrue(engines.size() >= 70, "recordings: " + engines.size());
        for (String verdict : List.of("PROMOTE", "ROLLBACK")) {
            List<JsonNode> cases = eval(dir, verdict);
            assertEquals(engines.size(), cases.size());
            for (JsonNode c : cases) {
                String name = c.path("name").asText();
                if (c.path("decision").asText().equals(verdict)) {
                    assertEquals(
                            verdict,
                            engines.get(name),
                            name + ": the model's " + verdict + " 100 decided it, the engines said "
                                    + engines.get(name));
                }
            }
        }
    }
}
