package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.GeminiFake;
import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    private static final Pattern SUMMARY =
            Pattern.compile("accuracy=([\\d.]+) false_promote=([\\d.]+) false_rollback=([\\d.]+) "
                    + "inconclusive=([\\d.]+) ece=([\\d.]+) p50_ms=(\\d+)");

    @TempDir
    Path tmp;

    /** Two recordings, one of them labelled the opposite of the truth so the council gets it "wrong". */
    private Path recordings(String mislabel, String as) throws Exception {
        Path dir = tmp.resolve("recordings");
        Files.createDirectories(dir);
        for (String name : new String[] {"healthy-color-change", "go-panic-index-out-of-range"}) {
            Path copy = Recordings.copy(name, tmp);
            Files.move(copy, dir.resolve(name));
        }
        if (mislabel != null) {
            Path manifest = dir.resolve(mislabel).resolve("rollout.json");
            ObjectNode m = (ObjectNode) Json.mapper().readTree(manifest.toFile());
            ((ObjectNode) m.path("expected")).put("verdict", as);
            Json.mapper().writeValue(manifest.toFile(), m);
        }
        return dir;
    }

    @Test
    void scoresEveryRecordingAndWritesBothReports() throws Exception {
        Path report = tmp.resolve("report");
        CliRun run = CliRun.of(
                "eval",
                "--recordings",
                recordings(null, null).toString(),
                "--report",
                report.toString(),
                "--min-accuracy",
                "1",
                "--max-false-promote",
                "0");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().strip().split("\n");
        Matcher m = SUMMARY.matcher(lines[lines.length - 1]);
        assertTrue(m.matches(), "the last line is the summary: " + lines[lines.length - 1]);
        assertEquals("1.000", m.group(1));
        JsonNode json =
                Json.mapper().readTree(report.resolve("eval-report.json").toFile());
        assertEquals(2, json.path("cases").size());
        assertEquals(1.0, json.path("council").path("accuracy").asDouble());
        // The Argo-style threshold sees no 5xx on the panicking canary and promotes it.
        assertEquals(
                0.5,
                json.path("baselines")
                        .path("argo-5xx-threshold")
                        .path("accuracy")
                        .asDouble());
        assertTrue(json.path("cases").get(0).path("latencyMs").asLong() > 0);
        // Each member's own votes: both voted right on both recordings.
        assertEquals(
                2,
                json.path("agents")
                        .path("log-analyst")
                        .path("overall")
                        .path("votes")
                        .asInt(),
                json.path("agents").toString());
        assertEquals(
                1.0,
                json.path("agents")
                        .path("metrics-agent")
                        .path("overall")
                        .path("accuracy")
                        .asDouble());
        String html = Files.readString(report.resolve("eval-report.html"));
        assertTrue(html.contains("go-panic-index-out-of-range") && html.contains("<svg"));
        assertTrue(run.err().contains("2/2"), "progress on stderr: " + run.err());
    }

    @Test
    void aMissedAccuracyFloorFailsTheRun() throws Exception {
        CliRun run = CliRun.of(
                "eval",
                "--recordings",
                recordings("healthy-color-change", "ROLLBACK").toString(),
                "--min-accuracy",
                "0.9",
                "--quiet");
        assertEquals(1, run.code(), run.out());
        assertTrue(run.err().contains("accuracy 0.500 is below the floor 0.900"), run.err());
        String[] lines = run.out().strip().split("\n");
        assertTrue(
                SUMMARY.matcher(lines[lines.length - 1]).matches(),
                "the summary line is printed even when a floor is missed");
    }

    @Test
    void aPromotedBrokenCanaryFailsAZeroFalsePromoteLimitAndIsNamed() throws Exception {
        // Labelled broken, promoted by the council: a false promote.
        CliRun run = CliRun.of(
                "eval",
                "--recordings",
                recordings("healthy-color-change", "ROLLBACK").toString(),
                "--max-false-promote",
                "0",
                "--quiet");
        assertEquals(1, run.code());
        assertTrue(
                run.err().contains("false-promote rate 0.500") && run.err().contains("healthy-color-change"),
                run.err());
        assertTrue(run.out().contains("FALSE PROMOTE"));
    }

    @Test
    void aRecordingWithoutAnExpectationIsAUsageErrorNotASilentSkip() throws Exception {
        Path dir = recordings(null, null);
        Path manifest = dir.resolve("healthy-color-change").resolve("rollout.json");
        ObjectNode m = (ObjectNode) Json.mapper().readTree(manifest.toFile());
        m.remove("expected");
        Json.mapper().writeValue(manifest.toFile(), m);
        CliRun run = CliRun.of("eval", "--recordings", dir.toString());
        assertEquals(3, run.code());
        assertTrue(run.err().contains("healthy-color-change: rollout.json has no expected.verdict"), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        assertEquals(3, CliRun.of("eval", "--recordings", tmp.toString()).code());
        assertEquals(
                3,
                CliRun.of("eval", "--recordings", recordings(null, null).toString(), "--min-accuracy", "1.5")
                        .code());
        assertEquals(
                3,
                CliRun.of("eval", "--recordings", tmp.resolve("absent").toString())
                        .code());
    }

    @Test
    void withAModelTheRawLogsBaselineRunsBesideTheCouncilAndItsTokensAreCounted() throws Exception {
        Path report = tmp.resolve("report");
        try (GeminiFake gemini = GeminiFake.start("eval-key")) {
            gemini.respondWith(new CouncilModelScript());
            Path key = Files.writeString(tmp.resolve("key"), "eval-key");
            CliRun run = CliRun.of(
                    "eval",
                    "--recordings",
                    recordings(null, null).toString(),
                    "--report",
                    report.toString(),
                    "--model",
                    "gemini",
                    "--model-url",
                    gemini.url(),
                    "--model-key-file",
                    key.toString(),
                    "--quiet");
            assertEquals(0, run.code(), run.err());
            JsonNode json =
                    Json.mapper().readTree(report.resolve("eval-report.json").toFile());
            JsonNode raw = json.path("baselines").path("raw-logs-llm");
            assertEquals(0.5, raw.path("accuracy").asDouble(), "it promoted the panicking canary");
            assertEquals(1.0, raw.path("falsePromote").asDouble());
            long councilTokens = json.path("council").path("tokens").asLong();
            long rawTokens = raw.path("tokens").asLong();
            assertTrue(
                    councilTokens > 0 && rawTokens > 5 * councilTokens,
                    "raw " + rawTokens + " vs council " + councilTokens);
            assertTrue(gemini.requests().stream()
                    .anyMatch(r -> r.allText().contains("==> checkout-7c9d6f5b4-g8mzr.log <==")));
        }
    }
}
