package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.Recordings;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchPromptCommandTest {

    private static final Pattern ROW = Pattern.compile("(?m)^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)x$");

    @Test
    void theDigestPromptIsAFractionOfTheRawLogsOnEveryBundledRecording() {
        CliRun run = CliRun.of(
                "bench",
                "prompt",
                "--recordings",
                Recordings.named("healthy-color-change").getParent().toString());
        assertEquals(0, run.code(), run.err());
        Matcher m = ROW.matcher(run.out());
        int rows = 0;
        while (m.find()) {
            rows++;
            long raw = Long.parseLong(m.group(2));
            long digest = Long.parseLong(m.group(3));
            assertTrue(digest > 500, m.group());
            // A canary that logs next to nothing (silent 500s, only metrics see them) has less to cut.
            assertTrue(raw < 10_000 || raw > 5 * digest, m.group());
        }
        assertTrue(rows >= 5, "a row per recording and a total:\n" + run.out());
        for (String name : List.of("healthy-color-change", "go-panic-index-out-of-range")) {
            assertTrue(run.out().contains(name), run.out());
        }
    }

    @Test
    void aDirectoryWithoutRecordingsIsAUsageError() {
        CliRun run = CliRun.of(
                "bench",
                "prompt",
                "--recordings",
                Recordings.named("healthy-color-change").resolve("logs").toString());
        assertEquals(3, run.code());
        assertTrue(run.err().contains("no recordings"), run.err());
    }
}
