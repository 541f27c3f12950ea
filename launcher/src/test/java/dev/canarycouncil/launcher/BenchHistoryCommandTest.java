package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.Recordings;
import org.junit.jupiter.api.Test;

class BenchHistoryCommandTest {

    @Test
    void concurrentAnalysesAreAllKeptAndTheFiguresPrinted() {
        CliRun run = CliRun.of(
                "bench",
                "history",
                "--recording",
                Recordings.named("healthy-color-change").toString(),
                "--analyses",
                "4",
                "--concurrency",
                "4",
                "--store",
                "embedded");
        assertEquals(0, run.code(), run.err());
        String last = run.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(
                last.matches("store=embedded analyses=4 concurrency=4 analyses_per_s=\\d+\\.\\d\\d p50_ms=\\d+ "
                        + "p95_ms=\\d+ stored=4 write_lag_ms=\\d+"),
                last);
    }

    @Test
    void aStoreItDoesNotKnowIsAUsageError() {
        CliRun run = CliRun.of("bench", "history", "--store", "mongodb");
        assertEquals(ExitCodes.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("expected one of [memory, embedded, postgresql]"), run.err());
    }
}
