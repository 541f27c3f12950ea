package dev.canarycouncil.mcp.code.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.Recordings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * The shared GitHub fake (agent-runtime's test-jar) driven by org.kohsuke:github-api 1.330 as the
 * issue writer uses it, so a change to the fake that github-api cannot read fails here.
 */
class GitHubFakeCompatibilityTest {

    private static final String TOKEN = "ghp_compat0123456789";
    private GitHubFake fake;
    private GitHub github;

    @BeforeEach
    void start() throws Exception {
        fake = GitHubFake.start(TOKEN);
        fake.addFilesFrom(
                "acme/checkout", Recordings.named("go-panic-index-out-of-range").resolve("repo"));
        // withOAuthToken without a login makes build() fetch /user first.
        github = new GitHubBuilder()
                .withEndpoint(fake.url())
                .withOAuthToken(TOKEN)
                .build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void createsSearchesCommentsAndClosesIssues() throws Exception {
        assertEquals("/user", fake.requests().get(0).path());
        assertTrue(github.isCredentialValid());
        github.checkApiUrlValidity();
        assertEquals(GitHubFake.LOGIN, github.getMyself().getLogin());
        assertEquals(5000, github.getRateLimit().getCore().getLimit());

        GHRepository repo = github.getRepository("acme/checkout");
        assertEquals("checkout", repo.getName());
        GHIssue created = repo.createIssue("Rollback of checkout 7c9d6f5b4")
                .body("panic: index out of range [3]")
                .label("canary-rollback")
                .assignee("oncall")
                .create();
        assertEquals(1, created.getNumber());
        assertEquals(
                List.of("canary-rollback"),
                created.getLabels().stream().map(GHLabel::getName).toList());
        assertEquals(
                List.of("oncall"),
                created.getAssignees().stream().map(GHUser::getLogin).toList());
        assertEquals(GHIssueState.OPEN, created.getState());
        assertEquals(GitHubFake.LOGIN, created.getUser().getLogin());

        List<GHIssue> found = github.searchIssues()
                .q("repo:acme/checkout")
                .q("is:issue")
                .q("in:body")
                .q("\"index out of range\"")
                .isOpen()
                .list()
                .toList();
        assertEquals(List.of(1), found.stream().map(GHIssue::getNumber).toList());

        created.comment("Seen again in rollout 2");
        assertEquals(
                "Seen again in rollout 2", repo.getIssue(1).getComments().get(0).getBody());
        assertEquals(1, fake.comments("acme/checkout", 1).size());

        created.close();
        assertEquals("closed", fake.issues("acme/checkout").get(0).state());
        assertEquals(
                0,
                github.searchIssues()
                        .q("repo:acme/checkout index")
                        .isOpen()
                        .list()
                        .toList()
                        .size());
        assertEquals(List.of(), repo.getIssues(GHIssueState.OPEN));
        assertTrue(fake.requests().stream().allMatch(r -> ("token " + TOKEN).equals(r.header("Authorization"))));
    }

    @Test
    void readsOpenAndMergedPullRequests() throws Exception {
        FakeIssue issue = fake.addIssue("acme/checkout", "Canary panics", "body", List.of());
        int open = fake.openPullRequest("acme/checkout", "Try a guard", "Refs #" + issue.number())
                .number();
        int merged = fake.openPullRequest("acme/checkout", "Guard the index", "Fixes #" + issue.number())
                .number();
        fake.mergePullRequest("acme/checkout", merged, "4be1c0f2a9d3e7b6c5a4f3e2d1c0b9a8f7e6d5c4");
        assertEquals(issue.number() + 1, open, "issues and pull requests share one sequence");
        GHRepository repo = github.getRepository("acme/checkout");
        GHPullRequest o = repo.getPullRequest(open);
        assertEquals(GHIssueState.OPEN, o.getState());
        assertTrue(!o.isMerged());
        assertEquals("Try a guard", o.getTitle());
        GHPullRequest m = repo.getPullRequest(merged);
        assertTrue(m.isMerged());
        assertEquals(GHIssueState.CLOSED, m.getState());
        assertEquals("4be1c0f2a9d3e7b6c5a4f3e2d1c0b9a8f7e6d5c4", m.getMergeCommitSha());
        assertTrue(!m.getMergedAt().before(m.getCreatedAt()));
        assertTrue(
                m.getHtmlUrl().toString().endsWith("/acme/checkout/pull/" + merged),
                m.getHtmlUrl().toString());
    }

    @Test
    void readsFilesAndSearchesCode() throws Exception {
        GHRepository repo = github.getRepository("acme/checkout");
        assertTrue(repo.getFileContent("main.go").getContent().contains("func getColor"));
        List<GHContent> hits = github.searchContent()
                .q("getColor")
                .repo("acme/checkout")
                .list()
                .toList();
        assertEquals(List.of("main.go"), hits.stream().map(GHContent::getPath).toList());
    }

    @Test
    void failsLikeGitHub() throws Exception {
        FakeIssue seeded = fake.addIssue("acme/checkout", "Old rollback", "seen before", List.of("canary-rollback"));
        assertEquals(
                seeded.number(),
                github.getRepository("acme/checkout").getIssue(1).getNumber());

        GitHub wrong = new GitHubBuilder()
                .withEndpoint(fake.url())
                .withOAuthToken("nope")
                .build();
        assertEquals(
                401,
                assertThrows(HttpException.class, () -> wrong.getRepository("acme/checkout"))
                        .getResponseCode());

        fake.failNext(1, 500);
        assertEquals(
                500,
                assertThrows(HttpException.class, () -> github.getRepository("acme/checkout"))
                        .getResponseCode());

        // github-api's default handler sleeps until the limit lifts; the fake lifts it on time.
        fake.rateLimited(1);
        long started = System.nanoTime();
        assertEquals("checkout", github.getRepository("acme/checkout").getName());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 500);
    }
}
