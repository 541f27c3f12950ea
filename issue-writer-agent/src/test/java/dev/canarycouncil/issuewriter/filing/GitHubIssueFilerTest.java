package dev.canarycouncil.issuewriter.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.issuewriter.Drafts;
import dev.canarycouncil.issuewriter.LogCapture;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.testing.FakeComment;
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filer against a GitHub fake over real HTTP, with the real github-api client. */
class GitHubIssueFilerTest {

    /** Shaped like a real token, so the redactor's GitHub token rule is exercised too. */
    static final String TOKEN = "ghp_" + "T0kenT0kenT0kenT0kenT0kenT0kenT0ken1";

    static final String REPO = "acme/checkout";

    @TempDir
    Path tmp;

    GitHubFake github;
    final List<GitHubIssueFiler> filers = new ArrayList<>();
    final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startGitHub() throws Exception {
        github = GitHubFake.start(TOKEN);
        github.addRepository(REPO);
    }

    @AfterEach
    void stop() {
        filers.forEach(GitHubIssueFiler::close);
        github.close();
    }

    GitHubFilingConfig config() {
        return GitHubFilingConfig.of(REPO, TOKEN, tmp.resolve("outbox"))
                .withApiUrl(github.url())
                .withLabels(List.of("jules", "canary-rollback"))
                .withAssignee("jules-bot")
                .withRequestTimeout(Duration.ofSeconds(2))
                .withRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    GitHubIssueFiler filer(GitHubFilingConfig config) {
        GitHubIssueFiler filer = new GitHubIssueFiler(config).start();
        filers.add(filer);
        return filer;
    }

    IssueDraft file(GitHubIssueFiler filer, String analysisId) {
        return filer.file(Drafts.panicDraft(analysisId), analysisId, progress::add);
    }

    @Test
    void createsTheIssueWithLabelsAndAssignee() {
        IssueDraft filed = file(filer(config()), "analysis-1");

        assertEquals("filed", filed.state());
        assertEquals("filed #1", filed.detail());
        assertEquals(github.url() + "/" + REPO + "/issues/1", filed.url());
        FakeIssue issue = single(github.issues(REPO));
        assertEquals(Drafts.panicDraft("analysis-1").title(), issue.title());
        assertEquals(List.of("jules", "canary-rollback"), issue.labels());
        assertEquals(List.of("jules-bot"), issue.assignees());
        assertTrue(IssueMarkers.hasFingerprint(issue.body(), filed.fingerprint()), issue::body);
        assertTrue(IssueMarkers.hasAnalysis(issue.body(), "analysis-1"), issue::body);
        assertEquals(List.of("jules", "canary-rollback"), filed.labels());
        assertTrue(progress.contains("filed #1"), progress::toString);
        assertEquals(List.of(), filers.get(0).pending(), "the outbox keeps only drafts GitHub has not confirmed");
    }

    @Test
    void aSecondOccurrenceOfTheSameFailureBecomesOneComment() {
        GitHubIssueFiler filer = filer(config());
        IssueDraft first = file(filer, "analysis-1");
        IssueDraft second = file(filer, "analysis-2");
        IssueDraft again = file(filer, "analysis-2");

        assertEquals(first.fingerprint(), second.fingerprint());
        assertEquals("commented", second.state());
        assertEquals("commented on #1", second.detail());
        assertEquals(first.url(), second.url(), "the verdict links the issue the occurrence was added to");
        assertEquals(1, github.issues(REPO).size(), "no second issue for the same failure");
        FakeComment comment = single(github.comments(REPO, 1));
        assertTrue(comment.body().startsWith("**Seen again** (analysis `analysis-2`)"), comment::body);
        assertTrue(IssueMarkers.hasAnalysis(comment.body(), "analysis-2"));
        assertFalse(
                IssueMarkers.hasFingerprint(comment.body(), first.fingerprint()),
                "a comment must not look like the issue itself");

        assertEquals("commented", again.state(), "filing the same analysis again changes nothing");
        assertTrue(again.detail().contains("earlier attempt"), again::detail);
        assertEquals(1, github.comments(REPO, 1).size());
        assertTrue(progress.contains("commented on #1"), progress::toString);
    }

    @Test
    void anAssigneeGitHubRefusesDoesNotStopTheIssue() throws Exception {
        try (LosingProxy proxy = new LosingProxy(github.url())) {
            proxy.refuseNextPost("/repos/" + REPO + "/issues", "jules-bot cannot be assigned");
            IssueDraft filed = file(filer(config().withApiUrl(proxy.url())), "analysis-1");

            assertEquals("filed", filed.state());
            assertEquals("filed #1 (without assignee jules-bot: GitHub refused it)", filed.detail());
            assertEquals(List.of(), single(github.issues(REPO)).assignees());
        }
    }

    @Test
    void aClosedIssueDoesNotTakeANewOccurrence() {
        GitHubIssueFiler filer = filer(config());
        file(filer, "analysis-1");
        github.closeIssue(REPO, 1);

        IssueDraft reopened = file(filer, "analysis-2");

        assertEquals(
                "filed #2", reopened.detail(), "a failure that comes back after its issue was closed gets a new issue");
        assertEquals(List.of(), github.comments(REPO, 1));
    }

    @Test
    void anOutageQueuesTheDraftAndTheRetrierFilesItExactlyOnce() throws Exception {
        GitHubIssueFiler filer = filer(config());
        github.outage(503);

        IssueDraft queued = file(filer, "analysis-1");

        assertEquals("queued", queued.state());
        assertNull(queued.url());
        assertTrue(queued.detail().startsWith("GitHub answered HTTP 503"), queued::detail);
        assertTrue(progress.contains("GitHub unavailable: queued for retry"), progress::toString);
        assertEquals(1, outboxFiles().size());
        assertTrue(
                outboxFiles().get(0).getFileName().toString().startsWith(queued.fingerprint() + "-analysis-1"),
                outboxFiles()::toString);
        Thread.sleep(700);
        assertEquals(List.of(), github.issues(REPO), "nothing is filed while GitHub is down");

        github.recover();
        await(() -> github.issues(REPO).size() == 1 && outboxFiles().isEmpty(), "the retrier files the queued draft");
        Thread.sleep(1000);
        assertEquals(1, github.issues(REPO).size());
        assertEquals(1, posts("/repos/" + REPO + "/issues"), "exactly one create");
    }

    @Test
    void aRestartedFilerPicksUpTheOutbox() throws Exception {
        github.outage(502);
        GitHubIssueFiler before = filer(config());
        assertEquals("queued", file(before, "analysis-1").state());
        assertEquals("queued", file(before, "analysis-2").state());
        before.close();

        github.recover();
        GitHubIssueFiler after = filer(config());

        await(() -> after.pending().isEmpty(), "the new filer files what the old one left");
        FakeIssue issue = single(github.issues(REPO));
        assertTrue(IssueMarkers.hasAnalysis(issue.body(), "analysis-1"), "the oldest draft becomes the issue");
        assertTrue(
                IssueMarkers.hasAnalysis(single(github.comments(REPO, 1)).body(), "analysis-2"),
                "the next one a comment");
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutBeforeRetrying() throws Exception {
        GitHubIssueFiler filer = filer(config());
        github.rateLimited(2);
        Instant start = Instant.now();

        IssueDraft queued = file(filer, "analysis-1");

        assertEquals("queued", queued.state());
        assertTrue(queued.detail().startsWith("GitHub rate limit reached"), queued::detail);
        assertTrue(progress.contains("GitHub rate limit reached: queued for retry"), progress::toString);
        PendingIssue pending = single(filer.pending());
        assertTrue(
                !pending.nextAttemptAt().isBefore(start.plusSeconds(2)),
                "the next attempt honours Retry-After, not the 200 ms backoff: " + pending.nextAttemptAt());

        await(() -> github.issues(REPO).size() == 1, "filed once the limit lifted");
        assertTrue(!github.issues(REPO).get(0).createdAt().isBefore(start.plusSeconds(2)));
        assertEquals(2, gets("/repos/" + REPO), "one attempt during the limit, the next after it, none in between");
    }

    @Test
    void aPrimaryRateLimitIsWaitedOutUntilItsReset() throws Exception {
        GitHubIssueFiler filer = filer(config());
        github.primaryRateLimited(2);

        IssueDraft queued = file(filer, "analysis-1");

        assertEquals("queued", queued.state());
        await(() -> github.issues(REPO).size() == 1 && filer.pending().isEmpty(), "filed after the reset");
        assertTrue(
                gets("/repos/" + REPO) <= 3,
                "no hammering while limited: " + github.requests().size() + " requests");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsNotFiledTwice() throws Exception {
        try (LosingProxy proxy = new LosingProxy(github.url())) {
            proxy.loseAnswersToPosts("/repos/" + REPO + "/issues", 1);
            GitHubIssueFiler filer = filer(config().withApiUrl(proxy.url()));

            IssueDraft unsure = file(filer, "analysis-1");

            assertEquals("queued", unsure.state(), "without an answer the filer cannot know; it keeps the draft");
            assertEquals(1, github.issues(REPO).size(), "yet GitHub did create the issue");
            await(() -> filer.pending().isEmpty(), "the retry settles it");
            assertEquals(1, github.issues(REPO).size(), "the retry found the issue instead of creating another");
            assertEquals(List.of(), github.comments(REPO, 1), "and did not comment on its own issue either");
            assertEquals(1, posts("/repos/" + REPO + "/issues"));
        }
    }

    @Test
    void aCommentWhoseAnswerWasLostIsNotPostedTwice() throws Exception {
        try (LosingProxy proxy = new LosingProxy(github.url())) {
            GitHubIssueFiler filer = filer(config().withApiUrl(proxy.url()));
            file(filer, "analysis-1");
            proxy.loseAnswersToPosts("/issues/1/comments", 1);

            assertEquals("queued", file(filer, "analysis-2").state());
            await(() -> filer.pending().isEmpty(), "the retry settles it");

            assertEquals(1, github.comments(REPO, 1).size());
            assertEquals(1, github.issues(REPO).size());
        }
    }

    @Test
    void aDraftRetriedAfterACrashFindsTheIssueItAlreadyFiled() throws Exception {
        // The process died after GitHub created the issue but before the outbox file was removed.
        IssueDraft draft = Drafts.panicDraft("analysis-1");
        github.addIssue(REPO, draft.title(), draft.body(), List.of("canary-rollback"));
        new Outbox(tmp.resolve("outbox")).put(PendingIssue.of("analysis-1", draft, Instant.now()));

        GitHubIssueFiler filer = filer(config());

        await(() -> filer.pending().isEmpty(), "the restarted filer settles the outbox");
        assertEquals(1, github.issues(REPO).size());
        assertEquals(List.of(), github.comments(REPO, 1));
    }

    @Test
    void aRejectedTokenIsAClearErrorNothingIsFiledAndTheDraftIsKept() throws Exception {
        String wrong = "ghp_" + "WrongWrongWrongWrongWrongWrongWrong1";
        try (LogCapture logs = new LogCapture()) {
            GitHubIssueFiler filer = filer(config().withApiUrl(github.url())
                    .withRetry(Duration.ofMillis(100), Duration.ofMillis(200))
                    .withLabels(List.of())
                    .withAssignee(null)
                    .withRequestTimeout(Duration.ofSeconds(2)));
            GitHubIssueFiler wrongToken = new GitHubIssueFiler(new GitHubFilingConfig(
                            github.url(),
                            REPO,
                            wrong,
                            List.of(),
                            null,
                            tmp.resolve("outbox"),
                            Duration.ofSeconds(2),
                            Duration.ofMillis(100),
                            Duration.ofMillis(200)))
                    .start();
            filers.add(wrongToken);
            filer.close();

            IssueDraft failed = wrongToken.file(Drafts.panicDraft("analysis-1"), "analysis-1", progress::add);

            assertEquals("failed", failed.state());
            assertTrue(
                    failed.detail().startsWith("GitHub rejected the token (HTTP 401 Bad credentials)"), failed::detail);
            assertTrue(failed.detail().contains("the draft is kept in " + tmp.resolve("outbox")), failed::detail);
            assertTrue(
                    progress.stream().anyMatch(p -> p.startsWith("not filed: GitHub rejected the token")),
                    progress::toString);
            int requests = github.requests().size();
            Thread.sleep(1000);
            assertEquals(requests, github.requests().size(), "a rejected token is not retried again and again");
            assertEquals(List.of(), github.issues(REPO));
            PendingIssue kept = single(wrongToken.pending());
            assertTrue(kept.held());
            for (String text : List.of(
                    failed.toString(),
                    String.join("\n", progress),
                    Files.readString(outboxFiles().get(0)),
                    logs.text(),
                    wrongToken.toString())) {
                assertFalse(text.contains(wrong), "the token leaked into: " + text);
                assertFalse(text.contains("WrongWrong"), "part of the token leaked into: " + text);
            }
            assertTrue(logs.text().contains("GitHub rejected the token"), "the operator sees why in the log");
            wrongToken.close();

            GitHubIssueFiler fixed = filer(config());
            await(() -> fixed.pending().isEmpty(), "a restart with a valid token files the kept draft");
            assertEquals(1, github.issues(REPO).size());
        }
    }

    @Test
    void aGitHubThatDoesNotAnswerQueuesTheDraftInTime() {
        github.latency(Duration.ofSeconds(5));
        GitHubIssueFiler filer = filer(config().withRequestTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();

        IssueDraft queued = file(filer, "analysis-1");

        assertEquals("queued", queued.state());
        assertTrue(queued.detail().contains("did not answer within 0.5 s"), queued::detail);
        assertTrue((System.nanoTime() - start) / 1e9 < 3, "the caller is not held for GitHub's latency");
    }

    @Test
    void anUnreachableGitHubQueuesTheDraft() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        GitHubIssueFiler filer = filer(config().withApiUrl("http://127.0.0.1:" + closed));

        IssueDraft queued = file(filer, "analysis-1");

        assertEquals("queued", queued.state());
        assertTrue(queued.detail().startsWith("cannot connect to GitHub at 127.0.0.1:" + closed), queued::detail);
        assertEquals(1, filer.pending().size());
    }

    @Test
    void theTokenNeverAppearsInMessagesLogsOrDrafts() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            GitHubIssueFiler filer = filer(config());
            List<IssueDraft> drafts = new ArrayList<>();
            drafts.add(file(filer, "analysis-1"));
            github.outage(503);
            drafts.add(file(filer, "analysis-2"));
            github.recover();
            github.rateLimited(1);
            drafts.add(file(filer, "analysis-3"));
            github.recover();
            await(() -> filer.pending().isEmpty(), "everything filed");
            drafts.add(file(filer, "analysis-4"));

            List<String> texts = new ArrayList<>(
                    List.of(String.join("\n", progress), logs.text(), config().toString(), filer.toString()));
            drafts.forEach(d -> texts.add(d.toString()));
            github.issues(REPO).forEach(i -> texts.add(i.toString()));
            github.comments(REPO, 1).forEach(c -> texts.add(c.toString()));
            for (String text : texts) {
                assertFalse(text.contains(TOKEN), "the token leaked into: " + text);
                assertFalse(text.contains(TOKEN.substring(4, 20)), "part of the token leaked into: " + text);
            }
            assertTrue(config().toString().contains("token=<redacted>"));
            assertTrue(logs.text().contains("GitHub API request: POST"), "github-api's own traces were checked too");
            assertTrue(
                    github.requests().stream().allMatch(r -> ("token " + TOKEN).equals(r.header("Authorization"))),
                    "yet every request carried it to GitHub");
        }
    }

    private List<Path> outboxFiles() {
        Path dir = tmp.resolve("outbox");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long posts(String path) {
        return github.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(path))
                .count();
    }

    private long gets(String path) {
        return github.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(path))
                .count();
    }

    static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list::toString);
        return list.get(0);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
