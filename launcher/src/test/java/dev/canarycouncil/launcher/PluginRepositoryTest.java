package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import dev.canarycouncil.mcp.code.github.GitHubCodeSources;
import dev.canarycouncil.mcp.code.github.GitHubRepository;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.repository.RepositoryAllowList;
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.RecordedRequest;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's {@code repoUrl} and {@code baseBranch} against the GitHub fake: a repository on the
 * allow-list is where the suspect code is read (at that branch) and the issue filed; any other is
 * never contacted, and the issue, filed in the configured repository, says why.
 */
class PluginRepositoryTest {

    private static final String TOKEN = "ghp_pluginRepoTestToken00000000000000000";
    private static final String RECORDING = "go-panic-index-out-of-range";

    private Vertx vertx;
    private GitHubFake github;
    private LocalCouncil council;

    @BeforeEach
    void start(@TempDir Path outbox) throws Exception {
        github = GitHubFake.start(TOKEN);
        Path repo = Recordings.named(RECORDING).resolve("repo");
        github.addRepository("shop/checkout").addFilesFrom("shop/checkout", repo);
        github.addRepository("shop/checkout-v2").addFilesFrom("shop/checkout-v2", repo);
        github.addRepository("evil/exfiltrate").addFilesFrom("evil/exfiltrate", repo);
        RepositoryAllowList allowList =
                new RepositoryAllowList("shop/checkout", Set.of("shop/checkout-v2"), github.url());
        GitHubRepository configured =
                GitHubRepository.of("shop/checkout", TOKEN).withApiUrl(github.url());
        vertx = VertxFactory.create(64);
        CouncilAssembly assembly = new CouncilAssembly(
                vertx, "127.0.0.1", A2aServerSettings.defaults(), PresetCatalog.defaultSet(), ModelConfig.none());
        council = LocalCouncil.start(
                assembly,
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named(RECORDING)))
                        .withCode(new GitHubCodeSources(configured, allowList), configured.description()),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                new IssueWriterConfig(
                                List.of("canary-rollback"),
                                null,
                                GitHubFilingConfig.of("shop/checkout", TOKEN, outbox)
                                        .withApiUrl(github.url()))
                        .withRepositories(allowList),
                line -> {});
    }

    @AfterEach
    void stop() {
        council.close();
        vertx.close();
        github.close();
    }

    /** The plugin's request (internal/plugin/a2a.go) with its githubUrl and baseBranch. */
    private JsonNode plugin(String repoUrl, String baseBranch) throws Exception {
        String body = "{\"userId\":\"argo-rollouts\",\"prompt\":\"Analyze canary deployment.\","
                + "\"context\":{\"baseBranch\":\"" + baseBranch
                + "\",\"canarySelector\":\"rollouts-pod-template-hash=7c9d6f5b4\","
                + "\"namespace\":\"shop\",\"repoUrl\":\"" + repoUrl + "\",\"rolloutName\":\"checkout\","
                + "\"stableSelector\":\"rollouts-pod-template-hash=5f8b9c7d6\"},\"memoryId\":\"rollout:shop/checkout\"}";
        var response = TestHttp.postJson(council.orchestratorUrl() + "/a2a/analyze", body);
        assertEquals(200, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body());
    }

    private List<RecordedRequest> requestsTo(String repository) {
        return github.requests().stream()
                .filter(r -> r.path().startsWith("/repos/" + repository + "/")
                        || (r.query() != null && r.query().contains(repository.replace("/", "%2F")))
                        || (r.query() != null && r.query().contains(repository)))
                .toList();
    }

    @Test
    void anAllowedRepositoryIsSearchedAtItsBranchAndGetsTheIssue() throws Exception {
        JsonNode answer = plugin(github.url() + "/shop/checkout-v2", "release-1.4");
        assertEquals("ROLLBACK", answer.path("verdict").asText(), answer.toString());

        List<FakeIssue> filed = github.issues("shop/checkout-v2");
        assertEquals(1, filed.size(), "filed where the plugin's githubUrl points");
        assertTrue(github.issues("shop/checkout").isEmpty());
        FakeIssue issue = filed.get(0);
        assertTrue(issue.body().contains("main.go"), "the suspect code was read there: " + issue.body());
        assertTrue(issue.body().contains("Repository named"), issue.body());
        assertTrue(
                requestsTo("shop/checkout-v2").stream()
                        .anyMatch(r -> r.path().contains("/contents/")
                                && r.query() != null
                                && r.query().contains("ref=release-1.4")),
                "files are read at the named branch");
    }

    @Test
    void aRepositoryOffTheListIsNeverContactedAndTheIssueSaysWhy() throws Exception {
        JsonNode answer = plugin(github.url() + "/evil/exfiltrate", "main");
        assertEquals("ROLLBACK", answer.path("verdict").asText(), answer.toString());

        assertTrue(
                requestsTo("evil/exfiltrate").isEmpty(),
                "not one request about a repository a request merely names: " + requestsTo("evil/exfiltrate"));
        assertTrue(github.issues("evil/exfiltrate").isEmpty());
        List<FakeIssue> filed = github.issues("shop/checkout");
        assertEquals(1, filed.size(), "filed in the configured repository instead");
        String body = filed.get(0).body();
        assertTrue(body.contains("evil/exfiltrate") && body.contains("not in the allow-list"), body);
        assertTrue(body.contains("main.go"), "the configured repository's code is quoted");
        assertFalse(answer.toString().contains(TOKEN));
    }
}
