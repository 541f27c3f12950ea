package dev.canarycouncil.loganalyst.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputBenchmarkTest {

    @Test
    void theRepeatingReaderServesExactlyTheLinesAskedForWholeLinesOnly() throws Exception {
        String block = "a 1\nb 2\nc 3\n";
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new ThroughputBenchmark.RepeatingReader(block, 3, 7))) {
            r.lines().forEach(lines::add);
        }
        assertEquals(List.of("a 1", "b 2", "c 3", "a 1", "b 2", "c 3", "a 1"), lines);
    }

    @Test
    void theGeneratorWritesExactlyTheLinesAskedForInTheFormatsServicesUse() {
        String block = new ServiceLogGenerator(3).block(5_000);
        List<String> lines = block.lines().toList();
        assertEquals(5_000, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"ts\":")), "JSON lines");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("time=")), "logfmt lines");
        assertTrue(lines.stream().anyMatch(l -> l.contains(" --- [")), "Spring Boot lines");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"GET ")), "access log lines");
        assertEquals(block, new ServiceLogGenerator(3).block(5_000), "seeded: the same every time");
    }

    @Test
    void aMillionLinesLeaveTheAnalysisHoldingOnlyItsTemplatesAndSamples() throws Exception {
        ThroughputBenchmark.Result r = new ThroughputBenchmark(1_000_000, 0, 1).run(step -> {});
        assertEquals(1_000_000, r.lines());
        assertTrue(r.templates() >= 8 && r.templates() < 50, "templates: " + r.templates());
        assertTrue(r.retainedBytes() < 8L * 1024 * 1024, "retained " + r.retainedBytes() + " bytes");
        assertTrue(r.linesPerSecond() > 0);
    }
}
