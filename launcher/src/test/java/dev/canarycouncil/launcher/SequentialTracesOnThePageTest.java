package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The controller measures a failing canary twice while its logs grow. In a real Chromium, the page
 * draws each sequentially judged metric's evidence step by step against its boundary (the error
 * ratio's rate-ratio test, latency's sign test) from the first analysis, and on the second the error
 * template's evidence call by call.
 */
class SequentialTracesOnThePageTest {

    @TempDir
    Path temp;

    @Test
    void metricsFromTheFirstAnalysisAndTheErrorTemplateFromTheSecondAreDrawnOverTheCalls() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path recording = Recordings.copy("5xx-spike-payments-timeout", temp);
        Map<Path, List<String>> later = holdBackTheSecondHalf(recording);
        Vertx vertx = VertxFactory.create(16);
        try (LocalCouncil council = LocalCouncil.start(
                        new CouncilAssembly(
                                vertx,
                                "127.0.0.1",
                                A2aServerSettings.defaults(),
                                PresetCatalog.defaultSet(),
                                ModelConfig.none()),
                        LocalCouncil.Ports.ephemeral(),
                        RecordingOption.backends(RecordedRollout.load(recording)),
                        CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                        IssueWriterConfig.dryRun(null, null),
                        line -> {});
                HeadlessChromium chromium = HeadlessChromium.start(1366, 900)) {
            WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(60), Duration.ofMillis(100));
            chromium.driver().get(council.orchestratorUrl() + "/ui/?namespace=shop&pod=7c9d6f5b4");
            chromium.driver().findElement(By.id("start")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "completed"));
            for (String metric : List.of("5xx-ratio", "latency-p50")) {
                WebElement chart = chromium.driver()
                        .findElement(By.cssSelector("#metric-charts .metric[data-metric='" + metric + "']"));
                wait.until(d -> !chart.findElements(By.cssSelector(".sequential-chart line.boundary"))
                        .isEmpty());
                assertFalse(chart.findElements(By.cssSelector(".sequential-chart polyline.trace-line"))
                        .isEmpty());
                assertTrue(chart.getText().contains("it decides at 100 whenever a call reads it"), chart.getText());
            }
            ((JavascriptExecutor) chromium.driver())
                    .executeScript("document.getElementById('metric-charts').scrollIntoView()");
            chromium.screenshot(Path.of("target", "web-screenshots", "metric-traces.png"));
            assertTrue(
                    chromium.driver()
                            .findElements(By.cssSelector(".template-trace"))
                            .isEmpty(),
                    "one call: nothing accumulated yet");

            for (Map.Entry<Path, List<String>> e : later.entrySet()) {
                Files.write(e.getKey(), e.getValue(), StandardOpenOption.APPEND);
            }
            chromium.driver().findElement(By.id("start")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#templates-chart .template-trace line.boundary"))
                    .isEmpty());
            WebElement trace = chromium.driver().findElement(By.cssSelector("#templates-chart .template-trace"));
            assertFalse(
                    trace.findElements(By.cssSelector("polyline.trace-line")).isEmpty());
            assertTrue(
                    trace.getDomAttribute("data-template").contains("charge failed"),
                    trace.getDomAttribute("data-template"));
            String text =
                    chromium.driver().findElement(By.id("templates-chart")).getText();
            assertTrue(text.contains("evidence, call by call, that the canary logs this more often"), text);
            chromium.screenshot(Path.of("target", "web-screenshots", "template-trace.png"));
        } finally {
            vertx.close();
        }
    }

    /** Cuts each current container's log in half by lines; returns the halves held back. */
    private static Map<Path, List<String>> holdBackTheSecondHalf(Path recording) throws Exception {
        Map<Path, List<String>> later = new HashMap<>();
        try (Stream<Path> files = Files.list(recording.resolve("logs"))) {
            for (Path file :
                    files.filter(f -> !f.toString().endsWith(".previous.log")).toList()) {
                List<String> lines = Files.readAllLines(file);
                int half = lines.size() / 2;
                later.put(file, new ArrayList<>(lines.subList(half, lines.size())));
                Files.write(file, lines.subList(0, half));
            }
        }
        return later;
    }
}
