package dev.canarycouncil.mcp.code.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.code.CodeHit;
import dev.canarycouncil.mcp.code.LocalRepositoryCodeBackend;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.RecordedRequest;
import dev.canarycouncil.runtime.testing.Recordings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GitHub code backend against a local GitHub holding the go-panic recording's repository. */
class GitHubCodeBackendTest {

    static final String TOKEN = "ghp_test0123456789abcdefTOKEN";
    static final String REPO = "acme/checkout";

    private final Path checkout =
            Recordings.named("go-panic-index-out-of-range").resolve("repo");
    private final LocalRepositoryCodeBackend local = new LocalRepositoryCodeBackend(checkout);
    private GitHubFake github;
    private GitHubCodeBackend backend;

    @BeforeEach
    void start() throws IOException {
        github = GitHubFake.start(TOKEN);
        github.addFilesFrom(REPO, checkout);
        backend = new GitHubCodeBackend(config(TOKEN, REPO));
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private GitHubRepository config(String token, String repo) {
        return GitHubRepository.of(repo, token).withApiUrl(github.url()).withTimeout(Duration.ofSeconds(5));
    }

    @Test
    void findsTheLinesOfEachHitFileWithTheirNumbers() {
        assertEquals(
                List.of(
                        new CodeHit("main.go", 35, "// getColor returns the colour at position idx."),
                        new CodeHit("main.go", 39, "func getColor(p *palette, idx int) string {"),
                        new CodeHit("main.go", 55, "log.Printf(\"serving %s\", getColor(p, idx))")),
                backend.search("getColor", null, 20));

        RecordedRequest search = github.requests().stream()
                .filter(r -> r.path().equals("/search/code"))
                .findFirst()
                .orElseThrow();
        assertEquals("\"getColor\" repo:" + REPO + " in:file", search.param("q"));
        assertEquals("token " + TOKEN, search.header("Authorization"));
    }

    @Test
    void answersLikeTheLocalBackendOverTheSameFiles() {
        for (String query : List.of("getColor", "GETCOLOR", "p.colors[idx]", "func ", "mu.", "no such text anywhere")) {
            for (String filter : new String[] {null, "main", "main.go", "other/"}) {
                for (int max : List.of(1, 2, 20)) {
                    assertEquals(
                            local.search(query, filter, max),
                            backend.search(query, filter, max),
                            query + " in " + filter + " max " + max);
                }
            }
        }
    }

    @Test
    void readsSlicesLikeTheLocalBackend() {
        assertEquals("\treturn p.colors[idx]\n", backend.read("main.go", 42, 42).text());
        assertEquals(local.read("main.go", 39, 43), backend.read("main.go", 39, 43));
        assertEquals(local.read("main.go", 60, 10_000), backend.read("/main.go", 60, 10_000));
        assertEquals(local.read("./main.go", 1, 1), backend.read("./main.go", 1, 1));
        assertEquals(
                Kind.INVALID_ARGUMENT,
                failure(() -> backend.read("main.go", 10, 5)).kind());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                failure(() -> backend.read("main.go", 10_000, 10_001)).kind());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                failure(() -> backend.read("../rollout.json", 1, 5)).kind());
    }

    @Test
    void missingFileOrRepositoryIsNotFound() {
        ToolException file = failure(() -> backend.read("cmd/missing.go", 1, 10));
        assertEquals(Kind.NOT_FOUND, file.kind());
        assertEquals("no file cmd/missing.go in the repository " + REPO, file.getMessage());

        GitHubCodeBackend nowhere = new GitHubCodeBackend(config(TOKEN, "acme/nope"));
        ToolException repo = failure(() -> nowhere.search("getColor", null, 5));
        assertEquals(Kind.NOT_FOUND, repo.kind());
        assertTrue(
                repo.getMessage().startsWith("no repository acme/nope on GitHub at " + github.url()),
                repo.getMessage());
        assertEquals(
                Kind.NOT_FOUND, failure(() -> nowhere.read("main.go", 1, 5)).kind());
    }

    @Test
    void badTokenIsForbiddenWithoutTheTokenInTheMessage() {
        String wrong = "ghp_wrong0123456789abcdefWRONG";
        ToolException e = failure(() -> new GitHubCodeBackend(config(wrong, REPO)).search("getColor", null, 5));
        assertEquals(Kind.FORBIDDEN, e.kind());
        assertEquals(
                "GitHub at " + github.url()
                        + " rejected the token (HTTP 401 Bad credentials) when asked to search code in " + REPO
                        + ": it is missing, expired or revoked",
                e.getMessage());
        assertFalse(e.clientText().contains(wrong));
        assertFalse(config(wrong, REPO).toString().contains(wrong));
        assertEquals(
                "token " + wrong, github.requests().get(0).header("Authorization"), "the token was sent, just refused");
    }

    @Test
    void rateLimitsNameWhenToRetry() {
        github.rateLimited(120);
        ToolException secondary = failure(() -> backend.search("getColor", null, 5));
        assertEquals(Kind.RATE_LIMITED, secondary.kind());
        assertEquals("rate-limited", secondary.kind().label());
        assertTrue(
                secondary
                        .getMessage()
                        .matches("GitHub rate-limited the token \\(a secondary rate limit, HTTP 403\\) when asked to "
                                + "search code in acme/checkout: retry after \\S+Z \\(in 1[12]\\d s\\)"),
                secondary.getMessage());

        github.primaryRateLimited(600);
        ToolException primary = failure(() -> backend.read("main.go", 1, 2));
        assertEquals(Kind.RATE_LIMITED, primary.kind());
        assertTrue(primary.getMessage().contains("(the primary rate limit, HTTP 403)"), primary.getMessage());
        assertTrue(primary.getMessage().matches(".*retry after \\S+Z \\(in (59\\d|600) s\\)"), primary.getMessage());

        github.recover();
        assertEquals(3, backend.search("getColor", null, 5).size());
    }

    @Test
    void outageIsUnreachableAndPassesWhenGitHubRecovers() {
        github.outage(503);
        ToolException e = failure(() -> backend.search("getColor", null, 5));
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals(
                "GitHub at " + github.url() + " answered HTTP 503 when asked to search code in " + REPO
                        + " (failing or overloaded; retry later): Service Unavailable",
                e.getMessage());
        github.recover();
        assertEquals(3, backend.search("getColor", null, 5).size());
    }

    @Test
    void refusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GitHubCodeBackend gone =
                new GitHubCodeBackend(config(TOKEN, REPO).withApiUrl("http://127.0.0.1:" + closedPort));
        ToolException e = failure(() -> gone.read("main.go", 1, 5));
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertTrue(
                e.getMessage().startsWith("cannot connect to GitHub at http://127.0.0.1:" + closedPort),
                e.getMessage());
    }

    @Test
    void slowGitHubTimesOutAtTheCallDeadline() {
        github.latency(Duration.ofSeconds(3));
        GitHubCodeBackend impatient = new GitHubCodeBackend(config(TOKEN, REPO).withTimeout(Duration.ofMillis(500)));
        long started = System.nanoTime();
        ToolException e = failure(() -> impatient.read("main.go", 1, 5));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(
                "GitHub at " + github.url()
                        + " did not answer within 500 ms (the per-call limit) when asked to read main.go in " + REPO,
                e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2500);
    }

    static ToolException failure(Supplier<?> call) {
        return assertThrows(ToolException.class, call::get);
    }
}
