package dev.canarycouncil.loganalyst.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canarycouncil.runtime.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grouping accuracy on LogHub-2k (../shared/data/loghub-2k) against Drain's published figures.
 * Skipped when the data is not beside the project.
 */
class LoghubAccuracyTest {

    @Test
    void matchesDrainsPublishedAccuracyOnEverySystem() throws Exception {
        Path dir = SharedData.loghub();
        assumeTrue(dir != null, "LogHub-2k data not found beside the project; skipping the accuracy check");
        List<LoghubSystem> systems = LoghubData.load(dir);
        assertEquals(16, systems.size());
        double sum = 0;
        for (LoghubSystem system : systems) {
            LoghubBenchmark.Result r = LoghubBenchmark.run(system);
            System.out.printf("%-12s %.4f (published %.4f)%n", r.system(), r.accuracy(), r.published());
            assertEquals(r.published(), r.accuracy(), 0.0005, r.system());
            sum += r.accuracy();
        }
        double mean = sum / systems.size();
        System.out.printf("mean %.4f (published %.4f)%n", mean, LoghubBenchmark.PUBLISHED_MEAN);
        assertTrue(mean >= LoghubBenchmark.PUBLISHED_MEAN, "mean " + mean);
    }

    @Test
    void groupingAccuracyCountsOnlyExactlyRecoveredGroups() {
        // Truth: A A B B C. Parsed: {1,2} right, {3} and {4} split B, {5} right.
        assertEquals(3.0 / 5, GroupingAccuracy.of(List.of("A", "A", "B", "B", "C"), List.of(1, 1, 2, 3, 4)), 1e-9);
        // Merging B and C spoils both.
        assertEquals(2.0 / 5, GroupingAccuracy.of(List.of("A", "A", "B", "B", "C"), List.of(1, 1, 2, 2, 2)), 1e-9);
    }
}
