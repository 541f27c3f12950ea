package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.evals.generator.FixLoopScenarios;
import dev.canarycouncil.evals.generator.FixLoopScenarios.Canary;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.OrchestratorService;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.FakeComment;
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.FakePullRequest;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The remediation loop on successive canaries of shop/orders, generated from one seed: the release
 * that throws a NullPointerException on guest checkouts is rolled back and its issue filed; a pull
 * request that fixes it is merged; the next canary, whose image names the merge commit, is checked
 * against the issue. Everything runs over HTTP: the council, the GitHub fake's issues, comments,
 * labels, pull requests and timelines.
 */
class FixLoopEndToEndTest {

    private static final String TOKEN = "ghp_fixLoopToken000000000000000000000000";
    private static final String REPO = "shop/orders";

    @TempDir
    Path recordings;

    @TempDir
    Path outbox;

    private Vertx vertx;
    private GitHubFake github;

    @BeforeEach
    void start() throws Exception {
        vertx = VertxFactory.create(64);
        github = GitHubFake.start(TOKEN);
        github.addRepository(REPO);
    }

    @AfterEach
    void stop() {
        github.close();
        vertx.close();
    }

    /** One controller measurement of the canary; the kept verdict, and the history's overview. */
    private record Measured(JsonNode verdict, JsonNode history) {}

    private Measured measure(Path data, Canary canary) throws Exception {
        return measure(data, canary, (council, id) -> {});
    }

    /** What a test does with the council still up, given the analysis' id. */
    private interface WhileUp {
        void accept(LocalCouncil council, String analysisId) throws Exception;
    }

    private Measured measure(Path data, Canary canary, WhileUp whileUp) throws Exception {
        RecordedRollout rollout = RecordedRollout.load(FixLoopScenarios.write(canary, recordings, 42));
        try (LocalCouncil council = LocalCouncil.start(
                new CouncilAssembly(
                                vertx,
                                "127.0.0.1",
                                A2aServerSettings.defaults(),
                                PresetCatalog.defaultSet(),
                                ModelConfig.none())
                        .withHistory(HistorySettings.embedded(data, HistorySettings.DEFAULT_RETENTION)),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(rollout),
                CouncilSettings.defaults().toBuilder()
                        .deadline(Duration.ofSeconds(30))
                        .closeVerifiedIssues(true)
                        .build(),
                new IssueWriterConfig(
                        List.of("canary-rollback"),
                        null,
                        GitHubFilingConfig.of(REPO, TOKEN, outbox).withApiUrl(github.url())),
                line -> {})) {
            String body = "{\"namespace\":\"" + rollout.manifest().namespace() + "\",\"rollout\":\""
                    + rollout.manifest().rollout() + "\",\"canaryHash\":\""
                    + rollout.manifest().canary().podTemplateHash() + "\"}";
            JsonNode answer = Json.mapper()
                    .readTree(TestHttp.postJson(council.orchestratorUrl() + "/api/v1/analyses", body)
                            .body());
            ((OrchestratorService) council.part("orchestrator").service())
                    .history()
                    .flush(Duration.ofSeconds(10));
            JsonNode verdict = Json.mapper()
                    .readTree(TestHttp.get(council.orchestratorUrl() + "/api/v1/analyses/"
                                    + answer.path("analysisId").asText())
                            .body())
                    .path("verdict");
            JsonNode history = Json.mapper()
                    .readTree(TestHttp.get(council.orchestratorUrl() + "/api/v1/history")
                            .body());
            whileUp.accept(council, answer.path("analysisId").asText());
            return new Measured(verdict, history);
        }
    }

    /** The broken release: rolled back, its issue filed with the failure's signature; the fix merged. */
    private FakeIssue brokenThenFixMerged(Path data) throws Exception {
        JsonNode broken = measure(data, Canary.BROKEN).verdict();
        assertEquals(
                "ROLLBACK",
                broken.path("decision").asText(),
                broken.path("rationale").asText());
        FakeIssue issue = github.issues(REPO).get(0);
        assertTrue(issue.body().contains("canary-council-signature: "), "the issue carries the failure");
        assertTrue(issue.body().contains("canary-council-rollout: shop/orders<"), "and the rollout");
        FakePullRequest pr = github.openPullRequest(
                REPO,
                "Guard guest checkouts in placeOrder",
                "Guest checkouts have no user.\n\nFixes #" + issue.number());
        github.mergePullRequest(REPO, pr.number(), FixLoopScenarios.FIX_COMMIT);
        return issue;
    }

    private List<FakeComment> fixChecks(int issue) {
        return github.comments(REPO, issue).stream()
                .filter(c -> c.body().contains("canary-council-fix-check"))
                .toList();
    }

    @Test
    void brokenThenFixedVerifiesTheFixUnderTestAndClosesTheIssue(@TempDir Path data) throws Exception {
        FakeIssue issue = brokenThenFixMerged(data);
        Measured fixed = measure(data, Canary.FIXED);
        assertEquals("PROMOTE", fixed.verdict().path("decision").asText());
        JsonNode check = fixed.verdict().path("verifications").get(0);
        assertEquals("VERIFIED", check.path("outcome").asText(), check.toString());
        assertTrue(check.path("seen").asLong() >= check.path("needed").asLong(), check.toString());
        JsonNode pr = check.path("pullRequests").get(0);
        assertEquals("MERGED", pr.path("state").asText(), pr.toString());
        assertEquals(FixLoopScenarios.FIX_COMMIT, pr.path("mergeCommit").asText());
        assertTrue(pr.path("underTest").asBoolean(), "the canary's image tag names the merge commit: " + pr);

        FakeIssue now = github.issues(REPO).get(0);
        assertEquals("closed", now.state(), "verified after a promotion, with --close-verified-issues");
        assertTrue(now.labels().contains("fix-verified"), now.labels().toString());
        List<FakeComment> comments = fixChecks(issue.number());
        assertEquals(1, comments.size());
        assertTrue(
                comments.get(0)
                        .body()
                        .contains("The canary runs the merge of #"
                                + pr.path("number").asInt()),
                comments.get(0).body());

        JsonNode loop = fixed.history().path("fixLoops").get(0);
        assertEquals("shop", loop.path("namespace").asText(), fixed.history().toString());
        assertEquals(1, loop.path("issues").asInt());
        assertEquals(1, loop.path("toIssue").path("reached").asInt());
        assertEquals(1, loop.path("toPullRequest").path("reached").asInt());
        assertEquals(1, loop.path("toVerified").path("reached").asInt());
        assertTrue(loop.path("toVerified").path("medianSeconds").asLong() >= 0, loop.toString());

        CliRun report = CliRun.of("history", "report", "--data-dir", data.toString());
        assertEquals(ExitCodes.PROMOTE, report.code(), report.err());
        assertTrue(
                report.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("  shop/orders: 1 issue · rollback→issue ")
                                && l.contains("(1) · →pull request ")
                                && l.endsWith("(1)")),
                report.out());
    }

    /** The page shows the check, the pull request under test, and the service's loop, in a real Chromium. */
    @Test
    void thePageShowsTheFixUnderTestAndTheLoop(@TempDir Path data) throws Exception {
        HeadlessChromium.assumeInstalled();
        brokenThenFixMerged(data);
        measure(data, Canary.FIXED, (council, id) -> {
            try (HeadlessChromium chromium = HeadlessChromium.start(1366, 900)) {
                WebDriverWait wait =
                        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60), Duration.ofMillis(100));
                chromium.driver().get(council.orchestratorUrl() + "/ui/?analysis=" + id);
                wait.until(ExpectedConditions.textToBe(By.id("decision"), "PROMOTE"));
                WebElement check = chromium.driver().findElement(By.cssSelector("#verifications > li"));
                assertTrue(check.getText().startsWith("verified"), check.getText());
                WebElement pr = check.findElement(By.cssSelector(".pull-request.under-test"));
                assertTrue(pr.getText().contains("Guard guest checkouts in placeOrder"), pr.getText());
                assertTrue(pr.getText().contains("merged as 4be1c0f"), pr.getText());
                assertTrue(pr.getText().contains("fix under test"), pr.getText());
                wait.until(ExpectedConditions.textMatches(
                        By.id("fix-loops"),
                        java.util.regex.Pattern.compile(
                                "shop/orders 1 issue · rollback→issue .* →verified fix .*\\(1\\)")));
                // The error ratio was judged sequentially: its evidence step by step, against its boundary.
                WebElement errors = chromium.driver()
                        .findElement(By.cssSelector("#metric-charts .metric[data-metric='5xx-ratio']"));
                wait.until(d -> !errors.findElements(By.cssSelector(".sequential-chart line.boundary"))
                        .isEmpty());
                assertFalse(errors.findElements(By.cssSelector(".sequential-chart polyline.trace-line"))
                        .isEmpty());
                assertTrue(errors.getText().contains("it decides at 100 whenever a call reads it"), errors.getText());
                chromium.screenshot(Path.of("target", "web-screenshots", "fix-loop.png"));
            }
        });
    }

    @Test
    void brokenThenStillBrokenFailsTheFixUnderTest(@TempDir Path data) throws Exception {
        FakeIssue issue = brokenThenFixMerged(data);
        JsonNode again = measure(data, Canary.STILL_BROKEN).verdict();
        assertEquals("ROLLBACK", again.path("decision").asText());
        JsonNode check = again.path("verifications").get(0);
        assertEquals("FAILED", check.path("outcome").asText(), check.toString());
        assertTrue(check.path("occurrences").asLong() > 0, check.toString());
        assertTrue(check.path("pullRequests").get(0).path("underTest").asBoolean(), check.toString());
        FakeIssue now = github.issues(REPO).get(0);
        assertEquals("open", now.state());
        assertTrue(now.labels().contains("fix-failed"), now.labels().toString());
        assertFalse(now.labels().contains("fix-verified"), now.labels().toString());
        assertTrue(fixChecks(issue.number()).get(0).body().startsWith("**Fix failed.**"));
        assertEquals(1, github.issues(REPO).size(), "the same failure, the same issue");
    }

    @Test
    void theBrokenCanaryMeasuredAgainTestsNoFix(@TempDir Path data) throws Exception {
        FakeIssue issue = brokenThenFixMerged(data);
        // Argo measures one canary step many times: the same broken revision is no test of the fix.
        JsonNode again = measure(data, Canary.BROKEN).verdict();
        assertEquals("ROLLBACK", again.path("decision").asText());
        assertEquals(
                0,
                again.path("verifications").size(),
                again.path("verifications").toString());
        assertEquals("commented", again.path("issue").path("state").asText(), "the writer notes the recurrence");
        FakeIssue now = github.issues(REPO).get(0);
        assertEquals(issue.labels(), now.labels(), "neither fix-failed nor fix-verified");
        assertTrue(fixChecks(issue.number()).isEmpty());
        assertEquals(1, github.comments(REPO, issue.number()).size(), "one comment: the occurrence");
    }

    @Test
    void aQuietFixedCanaryIsTooLittleTrafficAndLeavesTheIssueAlone(@TempDir Path data) throws Exception {
        FakeIssue issue = brokenThenFixMerged(data);
        JsonNode quiet = measure(data, Canary.FIXED_QUIET).verdict();
        JsonNode check = quiet.path("verifications").get(0);
        assertEquals("TOO_LITTLE_TRAFFIC", check.path("outcome").asText(), check.toString());
        assertTrue(check.path("seen").asLong() < check.path("needed").asLong(), check.toString());
        assertTrue(check.path("text").asText().contains("checked again at the next analysis"), check.toString());
        FakeIssue now = github.issues(REPO).get(0);
        assertEquals("open", now.state());
        assertEquals(issue.labels(), now.labels(), "nothing decided, nothing labelled");
        assertTrue(fixChecks(issue.number()).isEmpty());
    }

    @Test
    void aDifferentFailureFilesANewIssueAndLeavesTheOldOneUntouched(@TempDir Path data) throws Exception {
        FakeIssue issue = brokenThenFixMerged(data);
        JsonNode other = measure(data, Canary.OTHER_FAILURE).verdict();
        assertEquals("ROLLBACK", other.path("decision").asText());
        JsonNode check = other.path("verifications").get(0);
        assertEquals("NOT_CHECKED", check.path("outcome").asText(), check.toString());
        assertTrue(check.path("text").asText().contains("failed otherwise"), check.toString());
        List<FakeIssue> issues = github.issues(REPO);
        assertEquals(2, issues.size(), "a new failure, a new issue");
        assertTrue(
                issues.get(1).title().contains("DataIntegrityViolation")
                        || issues.get(1).body().contains("currency_code"),
                issues.get(1).title());
        FakeIssue old = issues.get(0);
        assertEquals("open", old.state());
        assertEquals(issue.labels(), old.labels());
        assertTrue(fixChecks(issue.number()).isEmpty(), "the old issue is not told anything");
    }

    @Test
    void anIssueOnlyGitHubKnowsIsCheckedFromItsBody(@TempDir Path first, @TempDir Path fresh) throws Exception {
        brokenThenFixMerged(first);
        // Another installation, or a history lost: only the issue's body says what failed.
        JsonNode fixed = measure(fresh, Canary.FIXED).verdict();
        JsonNode check = fixed.path("verifications").get(0);
        assertEquals(
                github.issues(REPO).get(0).number(),
                Integer.parseInt(check.path("issueUrl").asText().replaceAll(".*/", "")));
        assertEquals("VERIFIED", check.path("outcome").asText(), check.toString());
    }

    @Test
    void anIssueClosedOnGitHubIsNotCheckedAndTheVerdictSaysSo(@TempDir Path data) throws Exception {
        FakeIssue issue = brokenThenFixMerged(data);
        github.closeIssue(REPO, issue.number());
        JsonNode fixed = measure(data, Canary.FIXED).verdict();
        assertEquals(
                0,
                fixed.path("verifications").size(),
                fixed.path("verifications").toString());
        assertTrue(
                fixed.path("verificationNotes").toString().contains("closed on GitHub"),
                fixed.path("verificationNotes").toString());
    }

    @Test
    void gitHubDownCostsTheLinksNotTheChecks(@TempDir Path data) throws Exception {
        brokenThenFixMerged(data);
        github.outage(503);
        JsonNode fixed = measure(data, Canary.FIXED).verdict();
        assertEquals("PROMOTE", fixed.path("decision").asText());
        JsonNode check = fixed.path("verifications").get(0);
        assertEquals("VERIFIED", check.path("outcome").asText(), "the history knows the failure: " + check);
        assertEquals(0, check.path("pullRequests").size());
        assertFalse(fixed.path("verificationNotes").isEmpty(), "the verdict says GitHub was not read");
    }
}
