package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * checkout's canary panics and its issue is filed; the next canaries of checkout are checked
 * against it: a healthy one rules the panic out over its traffic, a panicking one fails the fix.
 */
class FixVerificationEndToEndTest {

    private static final String TOKEN = "ghp_fixVerificationToken0000000000000000";

    /** One controller measurement of the recording's canary; the kept verdict. */
    private static JsonNode measured(
            Vertx vertx, Path data, GitHubFake github, Path outbox, String recording, boolean closeVerified)
            throws Exception {
        try (LocalCouncil council = LocalCouncil.start(
                new CouncilAssembly(
                                vertx,
                                "127.0.0.1",
                                A2aServerSettings.defaults(),
                                PresetCatalog.defaultSet(),
                                ModelConfig.none())
                        .withHistory(HistorySettings.embedded(data, HistorySettings.DEFAULT_RETENTION)),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named(recording))),
                CouncilSettings.defaults().toBuilder()
                        .deadline(Duration.ofSeconds(30))
                        .closeVerifiedIssues(closeVerified)
                        .build(),
                new IssueWriterConfig(
                        List.of("canary-rollback"),
                        null,
                        GitHubFilingConfig.of("shop/checkout", TOKEN, outbox).withApiUrl(github.url())),
                line -> {})) {
            JsonNode answer = Json.mapper()
                    .readTree(TestHttp.postJson(
                                    council.orchestratorUrl() + "/api/v1/analyses",
                                    "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"7c9d6f5b4\"}")
                            .body());
            ((OrchestratorService) council.part("orchestrator").service())
                    .history()
                    .flush(Duration.ofSeconds(10));
            return Json.mapper()
                    .readTree(TestHttp.get(council.orchestratorUrl() + "/api/v1/analyses/"
                                    + answer.path("analysisId").asText())
                            .body())
                    .path("verdict");
        }
    }

    @Test
    void laterCanariesAreCheckedAgainstTheOpenIssue(@TempDir Path data, @TempDir Path outbox) throws Exception {
        Vertx vertx = VertxFactory.create(64);
        try (GitHubFake github = GitHubFake.start(TOKEN)) {
            github.addRepository("shop/checkout");
            JsonNode broken = measured(vertx, data, github, outbox, "go-panic-index-out-of-range", false);
            assertEquals("ROLLBACK", broken.path("decision").asText());
            String issue = broken.path("issue").path("url").asText();
            assertTrue(issue.contains("/issues/"), broken.path("issue").toString());
            assertEquals(0, broken.path("verifications").size(), "no issue was open before");

            JsonNode fixed = measured(vertx, data, github, outbox, "healthy-color-change", false);
            assertEquals("PROMOTE", fixed.path("decision").asText());
            JsonNode check = fixed.path("verifications").get(0);
            assertEquals(issue, check.path("issueUrl").asText());
            assertEquals("VERIFIED", check.path("outcome").asText(), check.toString());
            assertEquals(194, check.path("needed").asLong(), "2 panics in 85 records: 194 to rule it out at 99 %");
            assertTrue(check.path("seen").asLong() >= 194, check.toString());

            FakeIssue filed = github.issues("shop/checkout").get(0);
            assertEquals(List.of("canary-rollback", "fix-verified"), filed.labels());
            assertEquals("open", filed.state(), "left open unless --close-verified-issues");
            assertTrue(
                    github.comments("shop/checkout", filed.number()).stream()
                            .anyMatch(c -> c.body().startsWith("**Fix verified.** not seen in canary 7c9d6f5b4 over")),
                    "the evidence is on the issue");

            JsonNode again = measured(vertx, data, github, outbox, "go-panic-index-out-of-range", false);
            JsonNode failed = again.path("verifications").get(0);
            assertEquals("FAILED", failed.path("outcome").asText(), failed.toString());
            assertTrue(failed.path("text").asText().startsWith("seen again in canary 7c9d6f5b4"), failed.toString());
            FakeIssue relabelled = github.issues("shop/checkout").get(0);
            assertEquals(List.of("canary-rollback", "fix-failed"), relabelled.labels(), "one label or the other");
            assertEquals(1, github.issues("shop/checkout").size(), "the same failure, the same issue");
        } finally {
            vertx.close();
        }
    }

    @Test
    void aVerifiedFixIsClosedAfterThePromotionWhenAskedTo(@TempDir Path data, @TempDir Path outbox) throws Exception {
        Vertx vertx = VertxFactory.create(64);
        try (GitHubFake github = GitHubFake.start(TOKEN)) {
            github.addRepository("shop/checkout");
            measured(vertx, data, github, outbox, "go-panic-index-out-of-range", true);
            JsonNode fixed = measured(vertx, data, github, outbox, "healthy-color-change", true);
            assertEquals(
                    "VERIFIED",
                    fixed.path("verifications").get(0).path("outcome").asText());
            assertEquals("closed", github.issues("shop/checkout").get(0).state());
        } finally {
            vertx.close();
        }
    }
}
