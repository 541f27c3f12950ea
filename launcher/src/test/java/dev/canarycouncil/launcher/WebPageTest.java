package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page at {@code /ui/} in a real headless Chromium, against the whole council running
 * in-process on a recorded rollout whose canary panics: start the analysis, watch the verdict,
 * the votes and the charts appear, ask a follow-up question, and check the page on a phone-wide
 * screen. Screenshots land in {@code target/web-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "web-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int DESKTOP_WIDTH = 1366;
    private static final int PHONE_WIDTH = 390;

    private static Vertx vertx;
    private static LocalCouncil council;
    private static HeadlessChromium chromium;
    private static boolean analysed;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        vertx = VertxFactory.create(64);
        council = LocalCouncil.start(
                new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults(),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none()),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named("go-panic-index-out-of-range"))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, null),
                line -> {});
        chromium = HeadlessChromium.start(DESKTOP_WIDTH, 900);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (council != null) {
            council.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(chromium.driver(), WAIT, Duration.ofMillis(100));
    }

    private static WebElement find(String css) {
        return chromium.driver().findElement(By.cssSelector(css));
    }

    private static List<WebElement> all(String css) {
        return chromium.driver().findElements(By.cssSelector(css));
    }

    /** Opens the page as a link from a rollout would, starts the analysis and waits for the verdict. */
    private static void analyse() {
        if (analysed) {
            return;
        }
        chromium.driver().get(council.orchestratorUrl() + "/ui/?namespace=shop&pod=7c9d6f5b4");
        assertEquals("shop", find("#namespace").getDomProperty("value"), "the namespace comes from the link");
        assertEquals("7c9d6f5b4", find("#pod").getDomProperty("value"), "the pod comes from the link");
        assertFalse(find("#chat-input").isEnabled(), "no questions before an analysis");
        find("#start").click();
        waiting().until(ExpectedConditions.textToBe(By.id("decision"), "ROLLBACK"));
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "completed"));
        analysed = true;
    }

    @Test
    @Order(1)
    void theVerdictShowsEveryVoteAndTheTemplateChart() throws Exception {
        try {
            analyse();
            String progress = find("#progress").getText();
            assertTrue(progress.matches("(?s).*log-analyst voted ROLLBACK \\(\\d+%\\).*"), progress);
            assertTrue(progress.matches("(?s).*metrics-agent voted ROLLBACK \\(\\d+%\\).*"), progress);
            assertTrue(
                    find("#confidence").getText().matches("\\d+%"),
                    find("#confidence").getText());
            assertTrue(
                    find("#root-cause").getText().contains("index out of range"),
                    find("#root-cause").getText());
            assertFalse(find("#remediation").getText().isBlank());
            assertFalse(find("#analysis").getText().isBlank());

            Map<String, String> votes = new LinkedHashMap<>();
            for (WebElement vote : all("#votes > li")) {
                String confidence =
                        vote.findElement(By.cssSelector(".conf-num")).getText();
                assertTrue(confidence.matches("\\d+%"), confidence);
                votes.put(
                        vote.getDomAttribute("data-agent"),
                        vote.findElement(By.cssSelector(".vote")).getText());
            }
            assertEquals(Map.of("log-analyst", "ROLLBACK", "metrics-agent", "ROLLBACK"), votes);
            assertTrue(
                    find("#issue").getText().startsWith("Canary 7c9d6f5b4 of checkout"),
                    find("#issue").getText());

            List<WebElement> bars = all("#templates-chart rect.bar");
            assertFalse(bars.isEmpty(), "the template chart has bars");
            assertTrue(
                    bars.stream()
                            .anyMatch(b -> "canary".equals(b.getDomAttribute("data-side"))
                                    && Double.parseDouble(b.getDomAttribute("width")) > 0),
                    "the panic template has a canary bar");
            assertTrue(
                    find("#templates-chart").getText().contains("panic: runtime error: index out of range"),
                    find("#templates-chart").getText());
        } finally {
            chromium.screenshot(SCREENSHOTS.resolve("desktop-verdict.png"));
        }
    }

    @Test
    @Order(2)
    void metricChartsDrawStableAndCanarySeriesFromTheInvestigation() throws Exception {
        analyse();
        try {
            assertFalse(all("#metric-charts .metric").isEmpty(), "the metrics agent's evidence is charted");
            assertTrue(all("#metric-charts .metric").size() <= 4);
            assertEquals(
                    "restarts",
                    find("#metric-charts .metric").getDomAttribute("data-metric"),
                    "the failing metric comes first");
            // Each chart asks "compare <metric>" in the analysis' context and draws both series.
            waiting()
                    .until(d -> d.findElements(By.cssSelector("#metric-charts polyline.canary-line"))
                                            .size()
                                    > 0
                            && d.findElements(By.cssSelector("#metric-charts polyline.stable-line"))
                                            .size()
                                    > 0);
            waiting()
                    .until(d -> d.findElements(By.cssSelector("#metric-charts .note")).stream()
                            .noneMatch(n -> n.getText().contains("loading")));
            String chart = find("#metric-charts").getText();
            assertTrue(chart.contains("time (UTC)"), chart);
        } finally {
            chromium.screenshot(SCREENSHOTS.resolve("desktop-charts.png"));
        }
    }

    @Test
    @Order(3)
    void aFollowUpQuestionIsAnsweredInTheChat() throws Exception {
        analyse();
        try {
            WebElement input = find("#chat-input");
            waiting().until(ExpectedConditions.elementToBeClickable(input));
            input.sendKeys("why was it rolled back?");
            find("#chat-send").click();
            waiting()
                    .until(d -> !d.findElements(By.cssSelector("#chat-log li.answer:not(.pending)"))
                            .isEmpty());
            assertEquals(
                    "why was it rolled back?", find("#chat-log li.question").getText());
            WebElement answer = find("#chat-log li.answer");
            assertFalse(answer.getDomAttribute("class").contains("error"), answer.getText());
            assertTrue(answer.getText().contains("ROLLBACK with"), answer.getText());
            assertTrue(answer.getText().contains("index out of range"), answer.getText());
        } finally {
            chromium.screenshot(SCREENSHOTS.resolve("desktop-chat.png"));
        }
    }

    @Test
    @Order(4)
    void aPhoneWideScreenNeedsNoSidewaysScrolling() throws Exception {
        analyse();
        chromium.viewport(PHONE_WIDTH, 844);
        try {
            waiting().until(d -> chromium.jsLong("window.innerWidth") == PHONE_WIDTH);
            // Charts redraw for the new width after a short debounce.
            Thread.sleep(500);
            long scrollWidth = chromium.jsLong("document.documentElement.scrollWidth");
            long innerWidth = chromium.jsLong("window.innerWidth");
            assertTrue(
                    scrollWidth <= innerWidth + 1,
                    "the page is " + scrollWidth + " px wide on a " + innerWidth + " px screen");
            chromium.js("window.scrollTo(0, 0)");
            assertTrue(find("#decision").isDisplayed());
            assertTrue(find("#chat-input").isDisplayed());
        } finally {
            chromium.screenshot(SCREENSHOTS.resolve("phone.png"));
            chromium.clearViewport();
        }
    }

    @Test
    @Order(5)
    void thePageLoadsNothingFromElsewhereAndLogsNoErrors() throws Exception {
        analyse();
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) chromium.js(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);");
        String origin = council.orchestratorUrl();
        for (String url : requested) {
            assertTrue(
                    url.startsWith(origin + "/") || url.startsWith("data:"), "requested " + url + " outside " + origin);
        }
        assertEquals(200, TestHttp.get(origin + "/ui/app.js").statusCode());
        List<String> errors = chromium.consoleErrors();

        chromium.driver().get(origin + "/ui?namespace=payments&pod=abc123");
        assertEquals(
                origin + "/ui/?namespace=payments&pod=abc123",
                chromium.driver().getCurrentUrl(),
                "/ui redirects to /ui/");
        assertEquals("payments", find("#namespace").getDomProperty("value"));

        assumeTrue(errors != null, "this chromedriver does not expose the browser console");
        assertEquals(List.of(), errors);
    }

    @Test
    @Order(6)
    void aTokenProtectedCouncilAsksForItsTokenThenAnalyses() throws Exception {
        AgentSecret token = AgentSecret.of("page-token-" + System.nanoTime());
        try (LocalCouncil guarded = LocalCouncil.start(
                new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults().withAuth(ServerAuth.bearer(token)),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none()),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named("healthy-color-change"))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, null),
                line -> {})) {
            chromium.driver().get(guarded.orchestratorUrl() + "/ui/?namespace=shop&pod=7c9d6f5b4");
            assertFalse(find("#token-field").isDisplayed(), "no token field until the council asks for one");
            find("#start").click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("start-error")));
            assertTrue(
                    find("#start-error").getText().contains("requires its bearer token"),
                    find("#start-error").getText());
            assertTrue(find("#token-field").isDisplayed());
            find("#token").sendKeys(token.reveal());
            find("#start").click();
            waiting().until(ExpectedConditions.textToBe(By.id("decision"), "PROMOTE"));
            assertFalse(
                    chromium.driver().getCurrentUrl().contains(token.reveal()), "the token never goes into the URL");
            waiting()
                    .until(d -> !d.findElements(By.cssSelector("#history .history-item"))
                            .isEmpty());
            chromium.screenshot(SCREENSHOTS.resolve("token-protected.png"));
        }
    }

    @Test
    @Order(7)
    void aKeptAnalysisIsListedAndOpensAsItWasDecidedFromItsLink() throws Exception {
        analyse();
        chromium.driver().get(council.orchestratorUrl() + "/ui/");
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#history .history-item"))
                        .isEmpty());
        waiting()
                .until(ExpectedConditions.textMatches(
                        By.id("history-store"), java.util.regex.Pattern.compile("\\d+ analys[ie]s · kept 90 days")));
        WebElement first = find("#history .history-item");
        assertTrue(first.getText().contains("ROLLBACK"), first.getText());
        assertTrue(first.getText().contains("shop/checkout 7c9d6f5b4"), first.getText());
        assertTrue(first.getText().contains("peer"), "the page asked over A2A: " + first.getText());
        String id = first.getDomAttribute("data-id");
        first.click();
        waiting().until(ExpectedConditions.textToBe(By.id("decision"), "ROLLBACK"));
        assertTrue(
                find("#run-state").getText().toLowerCase(java.util.Locale.ROOT).startsWith("kept"),
                find("#run-state").getText());
        assertTrue(all("#progress li").size() >= 3, "the progress lines are kept with the analysis");
        assertTrue(
                chromium.driver().getCurrentUrl().endsWith("?analysis=" + id),
                chromium.driver().getCurrentUrl());
        assertEquals(2, all("#votes > li").size(), "every vote is shown again");

        // The link alone opens it, as from the web provider's answer or a bookmark.
        chromium.driver().get(council.orchestratorUrl() + "/ui/?analysis=" + id);
        waiting().until(ExpectedConditions.textToBe(By.id("decision"), "ROLLBACK"));

        // And it can be discussed, in a conversation that never ran it: the question names the kept analysis.
        WebElement input = find("#chat-input");
        waiting().until(ExpectedConditions.elementToBeClickable(input));
        input.sendKeys("why was it rolled back?");
        find("#chat-send").click();
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#chat-log li.answer:not(.pending)"))
                        .isEmpty());
        WebElement answer = find("#chat-log li.answer");
        assertFalse(answer.getDomAttribute("class").contains("error"), answer.getText());
        assertTrue(answer.getText().contains("index out of range"), answer.getText());

        find("#history-decision").sendKeys("promote");
        find("#history-filter").click();
        waiting().until(ExpectedConditions.textToBe(By.id("history-status"), "No analysis matches."));
        chromium.screenshot(SCREENSHOTS.resolve("history.png"));
    }
}
