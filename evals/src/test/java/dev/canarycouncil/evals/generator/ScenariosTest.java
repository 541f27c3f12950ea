package dev.canarycouncil.evals.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.runtime.schema.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

    private static final List<String> ORIGINAL = List.of(
            "healthy-color-change",
            "go-panic-index-out-of-range",
            "5xx-spike-payments-timeout",
            "oom-crashloop-report-cache");

    @Test
    void theCatalogueIsLargeBalancedAndUniquelyNamed() {
        List<ScenarioConfig> all = Scenarios.all();
        assertTrue(all.size() >= 70, "scenarios: " + all.size());
        Set<String> names = new HashSet<>();
        for (ScenarioConfig c : all) {
            assertTrue(names.add(c.name), "duplicate name " + c.name);
            assertTrue(c.name.matches("[a-z0-9]+(-[a-z0-9]+)*"), c.name);
        }
        assertTrue(names.containsAll(ORIGINAL), "the four original recordings stay in the catalogue");
        Map<Decision, Long> byVerdict =
                all.stream().collect(Collectors.groupingBy(c -> c.expected, Collectors.counting()));
        assertTrue(byVerdict.getOrDefault(Decision.PROMOTE, 0L) >= 18, byVerdict.toString());
        assertTrue(byVerdict.getOrDefault(Decision.ROLLBACK, 0L) >= 18, byVerdict.toString());
        assertTrue(byVerdict.getOrDefault(Decision.INCONCLUSIVE, 0L) >= 1, byVerdict.toString());
    }

    @Test
    void everyScenarioSaysWhatAnExpertWouldConclude() {
        for (ScenarioConfig c : Scenarios.all()) {
            assertNotNull(c.expected, c.name);
            assertFalse(c.description == null || c.description.isBlank(), c.name + " has no description");
            assertFalse(c.failureClass == null || c.failureClass.isBlank(), c.name + " has no failureClass");
            assertFalse(c.rootCause == null || c.rootCause.isBlank(), c.name + " has no rootCause");
            switch (c.expected) {
                case PROMOTE -> {
                    assertEquals("healthy", c.failureClass, c.name);
                    assertEquals("none", c.rootCause, c.name);
                    assertTrue(c.rootCauseKeywords.isEmpty(), c.name);
                }
                case ROLLBACK -> {
                    assertFalse(c.failureClass.equals("healthy"), c.name);
                    if (!ORIGINAL.contains(c.name)) {
                        assertTrue(
                                c.rootCauseKeywords.size() >= 2 && c.rootCauseKeywords.size() <= 3,
                                c.name + " keywords " + c.rootCauseKeywords);
                    }
                    for (String k : c.rootCauseKeywords) {
                        assertTrue(
                                c.rootCause.toLowerCase().contains(k.toLowerCase()),
                                c.name + ": the root cause itself mentions keyword '" + k + "'");
                    }
                }
                case INCONCLUSIVE -> assertFalse(c.rootCauseKeywords.isEmpty(), c.name);
                default -> throw new AssertionError(c.name + ": unexpected verdict " + c.expected);
            }
        }
    }

    /** Every {@code file.go:42} in a root cause or a trace points at a real, non-blank line of the recorded source. */
    @Test
    void citedSourceLinesExistInTheRecordedRepository() {
        Pattern goOrJava = Pattern.compile("([A-Za-z_]+\\.(?:go|java|py)):(\\d+)");
        Pattern python = Pattern.compile("File \"/app/([\\w/]+\\.py)\", line (\\d+)");
        int checked = 0;
        for (ScenarioConfig c : Scenarios.all()) {
            List<String> texts = new ArrayList<>();
            texts.add(c.rootCause);
            for (PodBehaviour b : behaviours(c)) {
                texts.addAll(b.crashTrace);
                texts.addAll(b.errorTrace);
            }
            for (String text : texts) {
                for (Pattern p : List.of(goOrJava, python)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        String file = m.group(1);
                        int line = Integer.parseInt(m.group(2));
                        String source = c.repository.entrySet().stream()
                                .filter(e ->
                                        e.getKey().equals(file) || e.getKey().endsWith("/" + file))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null);
                        if (source == null) {
                            continue; // a framework or runtime frame, not the service's code
                        }
                        List<String> lines = source.lines().toList();
                        assertTrue(line <= lines.size(), c.name + ": " + file + " has no line " + line);
                        assertFalse(lines.get(line - 1).isBlank(), c.name + ": " + file + ":" + line + " is blank");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 15, "checked " + checked + " citations");
    }

    @Test
    void theSameSeedWritesTheSameFiles(@TempDir Path tmp) throws IOException {
        ScenarioConfig small = byName("seed-imagepullbackoff");
        new Simulation(small, 42 ^ small.name.hashCode()).writeTo(tmp.resolve("a"));
        new Simulation(byName("seed-imagepullbackoff"), 42 ^ small.name.hashCode()).writeTo(tmp.resolve("b"));
        List<Path> files = files(tmp.resolve("a"));
        assertEquals(files, files(tmp.resolve("b")));
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            assertArrayEquals(
                    Files.readAllBytes(tmp.resolve("a").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b").resolve(f)),
                    f.toString());
        }
        new Simulation(small, 43 ^ small.name.hashCode()).writeTo(tmp.resolve("c"));
        assertFalse(
                new String(Files.readAllBytes(tmp.resolve("a/metrics.om")))
                        .equals(new String(Files.readAllBytes(tmp.resolve("c/metrics.om")))),
                "another seed, other numbers");
    }

    /** Every scenario writes a recording the recorded backend loads, small enough for the repository. */
    @Test
    void everyScenarioWritesAValidSmallRecording(@TempDir Path tmp) throws IOException {
        for (Path dir : RecordingGenerator.generate(tmp, RecordingGenerator.DEFAULT_SEED)) {
            ScenarioConfig c = byName(dir.getFileName().toString());
            RecordedRollout r = RecordedRollout.load(dir);
            assertEquals(c.expected, r.manifest().expected().verdict(), c.name);
            assertEquals(c.stablePods + c.canaryPods, r.pods().size(), c.name);
            // A logs-only setup records no metrics at all: no metrics.om.
            assertEquals(c.metrics != MetricConvention.NONE, r.hasMetrics(), c.name);
            assertTrue(c.metrics == MetricConvention.NONE || r.metrics().seriesCount() > 0, c.name);
            long bytes;
            try (Stream<Path> walk = Files.walk(dir)) {
                bytes = walk.filter(Files::isRegularFile)
                        .mapToLong(p -> p.toFile().length())
                        .sum();
            }
            assertTrue(bytes < 550_000, c.name + " is " + bytes + " bytes");
            boolean pullFails = behaviours(c).stream().anyMatch(b -> b.imagePullError != null);
            if (pullFails) {
                assertTrue(
                        r.pods().stream()
                                .anyMatch(p -> "ImagePullBackOff"
                                        .equals(p.containers().get(0).reason())),
                        c.name);
            }
        }
    }

    private static List<PodBehaviour> behaviours(ScenarioConfig c) {
        List<PodBehaviour> out = new ArrayList<>(List.of(c.stable, c.canary));
        out.addAll(c.canaryPodOverrides.values());
        return out;
    }

    private static ScenarioConfig byName(String name) {
        return Scenarios.all().stream()
                .collect(Collectors.toMap(c -> c.name, Function.identity()))
                .get(name);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }
}
