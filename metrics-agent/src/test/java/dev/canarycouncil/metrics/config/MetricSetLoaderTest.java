package dev.canarycouncil.metrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.presets.PresetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricSetLoaderTest {

    private static String error(String yaml) {
        return assertThrows(MetricSetException.class, () -> MetricSetLoader.parse(yaml, "test.yaml"))
                .getMessage();
    }

    @Test
    void theDefaultsLoadWithTheirCriticalErrorRatio() {
        MetricSet set = PresetCatalog.defaultSet();
        MetricSpec errors = set.metrics().get(0);
        assertEquals("5xx-ratio", errors.name());
        assertTrue(errors.isRatio() && errors.isCritical());
        assertEquals(95, set.passOrDefault());
        assertEquals(75, set.marginalOrDefault());
    }

    @Test
    void aUserSetWithOwnQueriesAndDefaultsForTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.yaml");
        Files.writeString(file, """
                metrics:
                  - name: queue-depth
                    canary: 'max(queue_depth{version="{{canary}}"})'
                    stable: 'max(queue_depth{version="{{stable}}"})'
                    direction: either
                """);
        MetricSet set = MetricSetLoader.load(file);
        MetricSpec m = set.metrics().get(0);
        assertEquals(Direction.EITHER, m.directionOrDefault());
        assertEquals(1.2, m.allowedIncreaseOrDefault());
        assertEquals("queue-depth", m.groupOrDefault());
        assertEquals(0.01, set.alphaOrDefault());
    }

    @Test
    void mistakesAreNamedNotSkipped() {
        assertTrue(error("metrics: []").contains("no metrics"));
        assertTrue(
                error("metrics:\n  - name: a\n    query: 'x'\n    treshold: 3\n")
                        .contains("unknown field 'treshold' at metrics[0]"),
                error("metrics:\n  - name: a\n    query: 'x'\n    treshold: 3\n"));
        assertTrue(error("metrics:\n  - name: a\n    query: 'x{{{selectr}}}'\n")
                .contains("unknown placeholder {{selectr}}"));
        assertTrue(error("metrics:\n  - name: a\n    query: 'x'\n    numerator: 'y'\n    denominator: 'z'\n")
                .contains("give exactly one of"));
        assertTrue(error("metrics:\n  - name: a\n    canary: 'x'\n").contains("'canary' and 'stable' go together"));
        assertTrue(error("metrics:\n  - name: a\n    query: 'x'\n    allowedIncrease: 0.8\n")
                .contains("at least 1"));
        assertTrue(
                error("metrics:\n  - name: a\n    query: 'x'\n    direction: up\n")
                        .contains("direction must be increase, decrease or either, not 'up'"),
                error("metrics:\n  - name: a\n    query: 'x'\n    direction: up\n"));
        assertTrue(error("pass: 70\nmarginal: 80\nmetrics:\n  - name: a\n    query: 'x'\n")
                .contains("marginal <= pass"));
        assertTrue(error("metrics:\n  - name: a\n    query: 'x'\n  - name: a\n    query: 'y'\n")
                .contains("used twice"));
        assertTrue(error("metrics: [").contains("is not valid YAML or JSON"));
    }

    @Test
    void theJudgementIsSequentialUnlessTheSetAsksForTheFixedWindow() {
        String metric = "metrics:\n  - name: a\n    numerator: 'e'\n    denominator: 't'\n";
        assertEquals(
                Judgement.SEQUENTIAL, MetricSetLoader.parse(metric, "a.yaml").judgementOrDefault());
        assertEquals(
                Judgement.FIXED_WINDOW,
                MetricSetLoader.parse("judgement: fixed-window\n" + metric, "b.yaml")
                        .judgementOrDefault());
        String wrong = error("judgement: bayesian\n" + metric);
        assertTrue(wrong.contains("judgement must be fixed-window or sequential, was 'bayesian'"), wrong);
    }

    @Test
    void aMissingFileIsNamed() {
        String message = assertThrows(MetricSetException.class, () -> MetricSetLoader.load(Path.of("/no/metrics.yaml")))
                .getMessage();
        assertTrue(message.contains("/no/metrics.yaml is not a readable file"), message);
    }

    @Test
    void theExampleInTheDocsIsAValidSet() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "metrics.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        MetricSet set = MetricSetLoader.parse(yaml, "docs/metrics.md");
        assertEquals(5, set.metrics().size());
        assertEquals(Direction.DECREASE, set.metrics().get(3).directionOrDefault());
        assertTrue(set.metrics().get(4).isEvents());
    }
}
