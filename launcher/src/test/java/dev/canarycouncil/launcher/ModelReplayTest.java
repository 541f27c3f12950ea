package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.GeminiFake;
import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model-assisted analyses recorded once against a model and replayed offline, deterministically. */
class ModelReplayTest {

    private static final String KEY = "replay-test-key";

    @TempDir
    Path tmp;

    @Test
    void recordedRepliesReplayTheSameVerdictWithoutAModel() throws Exception {
        Path recording = Recordings.copy("go-panic-index-out-of-range", tmp);
        JsonNode live;
        try (GeminiFake gemini = GeminiFake.start(KEY)) {
            gemini.respondWith(new CouncilModelScript());
            Path key = Files.writeString(tmp.resolve("key"), KEY);
            CliRun run = CliRun.of(
                    "analyze",
                    "--recording",
                    recording.toString(),
                    "--json",
                    "--model",
                    "gemini",
                    "--model-url",
                    gemini.url(),
                    "--model-key-file",
                    key.toString(),
                    "--record-model-replies");
            assertEquals(1, run.code(), run.err());
            live = Json.mapper().readTree(run.out());
        }
        assertTrue(Files.exists(recording.resolve("model-replies/log-analyst.jsonl")));
        assertEquals(
                2,
                Files.readAllLines(recording.resolve("model-replies/log-analyst.jsonl"))
                        .size(),
                "tool call, judgement");

        // The model server is gone: the replay needs none.
        for (int i = 0; i < 2; i++) {
            CliRun replay = CliRun.of("analyze", "--recording", recording.toString(), "--json", "--model", "replay");
            assertEquals(1, replay.code(), replay.err());
            JsonNode v = Json.mapper().readTree(replay.out());
            assertEquals("model-assisted", v.path("mode").asText());
            assertEquals(live.path("analysis").asText(), v.path("analysis").asText());
            assertEquals(live.path("models").path("total"), v.path("models").path("total"));
            for (int f = 0; f < v.path("findings").size(); f++) {
                JsonNode replayed = v.path("findings").get(f).path("review");
                JsonNode recorded = live.path("findings").get(f).path("review");
                assertEquals(recorded.path("verdict"), replayed.path("verdict"));
                assertEquals(recorded.path("reasoning"), replayed.path("reasoning"));
            }
        }

        CliRun eval = CliRun.of(
                "eval",
                "--recordings",
                recording.toString(),
                "--model",
                "replay",
                "--quiet",
                "--max-false-promote",
                "0");
        assertEquals(0, eval.code(), eval.err());
        long tokens = live.path("models").path("total").path("inputTokens").asLong()
                + live.path("models").path("total").path("outputTokens").asLong();
        assertTrue(
                eval.out().contains(" tokens=" + tokens + " "), "the eval counts the replayed tokens: " + eval.out());
    }

    @Test
    void aRecordingWithoutRepliesReplaysAsDeterministicAndSaysWhy() throws Exception {
        CliRun run = CliRun.of(
                "analyze",
                "--recording",
                Recordings.named("healthy-color-change").toString(),
                "--json",
                "--model",
                "replay");
        assertEquals(0, run.code(), run.err());
        JsonNode v = Json.mapper().readTree(run.out());
        assertTrue(
                v.path("mode").asText().startsWith("deterministic"),
                v.path("mode").asText());
        assertTrue(
                v.path("models").path("notes").toString().contains("no recorded model replies"),
                v.path("models").toString());
    }

    @Test
    void replayAndRecordingNeedARecording() {
        assertEquals(
                3,
                CliRun.of(
                                "analyze",
                                "--kubeconfig",
                                tmp.resolve("none").toString(),
                                "--namespace",
                                "shop",
                                "--pod",
                                "x",
                                "--model",
                                "replay")
                        .code());
        assertEquals(
                3,
                CliRun.of(
                                "analyze",
                                "--recording",
                                Recordings.named("healthy-color-change").toString(),
                                "--record-model-replies")
                        .code());
    }
}
