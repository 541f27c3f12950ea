package dev.canarycouncil.issuewriter.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.FixVerification.FixOutcome;
import dev.canarycouncil.runtime.schema.IssueUpdate;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the issue writer posts for a canary's fix checks, against the GitHub fake's issues API. */
class FixReporterTest {

    private static final String TOKEN = "ghp_fixReporterTestToken0000000000000000";
    private static final String REPO = "shop/checkout";

    @TempDir
    Path tmp;

    GitHubFake github;
    GitHubIssueFiler filer;
    FakeIssue issue;

    @BeforeEach
    void start() throws Exception {
        github = GitHubFake.start(TOKEN);
        github.addRepository(REPO);
        issue = github.addIssue(REPO, "Canary 7c9d6f5b4 of checkout panics", "body", List.of("canary-rollback"));
        filer = new GitHubIssueFiler(GitHubFilingConfig.of(REPO, TOKEN, tmp.resolve("outbox"))
                        .withApiUrl(github.url())
                        .withRequestTimeout(Duration.ofSeconds(2)))
                .start();
    }

    @AfterEach
    void stop() {
        filer.close();
        github.close();
    }

    private String url() {
        return github.url() + "/" + REPO + "/issues/" + issue.number();
    }

    private static FixReport report(String analysisId, Decision decision, boolean close, FixVerification check) {
        Verdict v = Verdict.builder()
                .analysisId(analysisId)
                .decision(decision)
                .confidence(90)
                .verifications(List.of(check))
                .link("https://council.example/ui/?analysis=" + analysisId)
                .build();
        return new FixReport(v, close);
    }

    private static FixVerification check(String url, FixOutcome outcome) {
        return new FixVerification(
                url, "f00d", outcome, 194, 299, 0, "not seen in canary 9a8b7c6d5 over 299 records", List.of());
    }

    @Test
    void aVerifiedFixIsCommentedOnceLabelledAndLeftOpen() throws Exception {
        FixReport r = report("a-2", Decision.PROMOTE, false, check(url(), FixOutcome.VERIFIED));
        assertEquals("commented", filer.report(r, Progress.NONE).get(0).action());
        assertEquals("already-reported", filer.report(r, Progress.NONE).get(0).action(), "once per analysis");
        FakeIssue now = github.issues(REPO).get(0);
        assertEquals(List.of("canary-rollback", "fix-verified"), now.labels());
        assertEquals("open", now.state());
        assertEquals(1, github.comments(REPO, issue.number()).size());
        assertTrue(github.comments(REPO, issue.number())
                .get(0)
                .body()
                .contains("(https://council.example/ui/?analysis=a-2)"));
    }

    @Test
    void aFailedFixReplacesTheVerifiedLabel() throws Exception {
        filer.report(report("a-2", Decision.PROMOTE, false, check(url(), FixOutcome.VERIFIED)), Progress.NONE);
        filer.report(report("a-3", Decision.ROLLBACK, true, check(url(), FixOutcome.FAILED)), Progress.NONE);
        FakeIssue now = github.issues(REPO).get(0);
        assertEquals(List.of("canary-rollback", "fix-failed"), now.labels());
        assertEquals("open", now.state(), "a failed fix is never closed");
    }

    @Test
    void closingNeedsTheOptionAndAPromotion() throws Exception {
        filer.report(report("a-2", Decision.INCONCLUSIVE, true, check(url(), FixOutcome.VERIFIED)), Progress.NONE);
        assertEquals("open", github.issues(REPO).get(0).state(), "not promoted: not closed");
        IssueUpdate closed = filer.report(
                        report("a-3", Decision.PROMOTE, true, check(url(), FixOutcome.VERIFIED)), Progress.NONE)
                .get(0);
        assertEquals("closed", closed.action());
        assertEquals("closed", github.issues(REPO).get(0).state());
        assertEquals(
                "skipped",
                filer.report(report("a-4", Decision.PROMOTE, true, check(url(), FixOutcome.FAILED)), Progress.NONE)
                        .get(0)
                        .action(),
                "a closed issue is left alone");
    }

    @Test
    void tooLittleTrafficAndOtherIssuesPostNothing() throws Exception {
        assertEquals(
                "skipped",
                filer.report(
                                report("a-2", Decision.PROMOTE, true, check(url(), FixOutcome.TOO_LITTLE_TRAFFIC)),
                                Progress.NONE)
                        .get(0)
                        .action());
        String elsewhere = "https://github.example/" + REPO + "/issues/" + issue.number();
        assertEquals(
                "skipped",
                filer.report(
                                report("a-3", Decision.PROMOTE, true, check(elsewhere, FixOutcome.VERIFIED)),
                                Progress.NONE)
                        .get(0)
                        .action(),
                "the same repository and number on another GitHub");
        assertEquals(0, github.comments(REPO, issue.number()).size());
        assertEquals(List.of("canary-rollback"), github.issues(REPO).get(0).labels());
    }
}
