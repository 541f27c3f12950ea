package dev.canarycouncil.mcp.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.Recordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedRolloutTest {

    @TempDir
    Path tmp;

    @Test
    void loadsEveryBundledRecording() throws IOException {
        try (Stream<Path> dirs = Files.list(Recordings.root())) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                RecordedRollout r = RecordedRollout.load(dir);
                assertTrue(r.pods().size() >= 2, dir::toString);
                // A logs-only recording has no metrics.om at all; every other one has series.
                assertTrue(
                        r.hasMetrics()
                                ? r.metrics().seriesCount() > 0
                                : r.metrics().isEmpty(),
                        dir::toString);
                assertTrue(r.manifest().expected() != null, dir + " has no expected verdict");
            }
        }
    }

    private Path copy(String name) throws IOException {
        return Recordings.copy(name, tmp);
    }

    @Test
    void namesTheFileAndTheProblem() throws IOException {
        assertTrue(assertThrows(RecordingException.class, () -> RecordedRollout.load(tmp.resolve("nope")))
                .getMessage()
                .contains("is not a directory"));

        Path missing = copy("healthy-color-change");
        Files.delete(missing.resolve("rollout.json"));
        assertTrue(assertThrows(RecordingException.class, () -> RecordedRollout.load(missing))
                .getMessage()
                .endsWith("rollout.json is missing"));

        Path broken = copy("go-panic-index-out-of-range");
        Files.writeString(broken.resolve("pods.json"), "[{\"name\": \"x\",\n \"labels\": ");
        String message = assertThrows(RecordingException.class, () -> RecordedRollout.load(broken))
                .getMessage();
        assertTrue(message.contains("pods.json") && message.contains("not valid JSON"), message);

        Path noNamespace = copy("5xx-spike-payments-timeout");
        Files.writeString(
                noNamespace.resolve("rollout.json"),
                Files.readString(noNamespace.resolve("rollout.json")).replace("\"namespace\" : \"shop\",", ""));
        assertEquals(
                noNamespace.resolve("rollout.json") + ": missing field 'namespace'",
                assertThrows(RecordingException.class, () -> RecordedRollout.load(noNamespace))
                        .getMessage());

        Path strayLog = copy("oom-crashloop-report-cache");
        Files.writeString(strayLog.resolve("logs/ghost-pod.log"), "boo\n");
        assertTrue(assertThrows(RecordingException.class, () -> RecordedRollout.load(strayLog))
                .getMessage()
                .contains("no pod in pods.json is named like this log file"));

        Path badMetrics = copy("healthy-color-change");
        Files.writeString(badMetrics.resolve("metrics.om"), "x 1\n");
        assertTrue(assertThrows(RecordingException.class, () -> RecordedRollout.load(badMetrics))
                .getMessage()
                .contains("metrics.om:1:"));
    }
}
