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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller's rollback while GitHub is down owes its issue. The issue writer's own queue goes
 * with its pod; the history's does not: the next orchestrator files it once GitHub is back, once.
 */
class OwedIssuesTest {

    private static final String TOKEN = "ghp_owedIssuesTestToken00000000000000000";

    private static LocalCouncil council(Vertx vertx, Path data, GitHubFake github, Path outbox) {
        return LocalCouncil.start(
                new CouncilAssembly(
                                vertx,
                                "127.0.0.1",
                                A2aServerSettings.defaults(),
                                PresetCatalog.defaultSet(),
                                ModelConfig.none())
                        .withHistory(HistorySettings.embedded(data, HistorySettings.DEFAULT_RETENTION)),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named("go-panic-index-out-of-range"))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                new IssueWriterConfig(
                        List.of("canary-rollback"),
                        null,
                        GitHubFilingConfig.of("shop/checkout", TOKEN, outbox).withApiUrl(github.url())),
                line -> {});
    }

    private static OrchestratorService orchestrator(LocalCouncil council) {
        return (OrchestratorService) council.part("orchestrator").service();
    }

    @Test
    void anIssueOwedWhileGitHubWasDownIsFiledOnceByTheNextOrchestrator(
            @TempDir Path data, @TempDir Path outboxA, @TempDir Path outboxB) throws Exception {
        Vertx vertx = VertxFactory.create(64);
        try (GitHubFake github = GitHubFake.start(TOKEN)) {
            github.addRepository("shop/checkout");
            github.outage(503);
            String id;
            try (LocalCouncil a = council(vertx, data, github, outboxA)) {
                var gate = TestHttp.postJson(
                        a.orchestratorUrl() + "/api/v1/analyses",
                        "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"7c9d6f5b4\"}");
                JsonNode verdict = Json.mapper().readTree(gate.body());
                assertEquals("ROLLBACK", verdict.path("decision").asText(), gate.body());
                id = verdict.path("analysisId").asText();
                assertTrue(
                        verdict.path("issueUrl").isMissingNode()
                                || verdict.path("issueUrl").isNull(),
                        gate.body());
                orchestrator(a).history().flush(Duration.ofSeconds(10));
                assertEquals(
                        1,
                        orchestrator(a)
                                .history()
                                .outbox()
                                .due(Instant.now().plusSeconds(3600), 10)
                                .size(),
                        "the owed issue is kept with the analysis");
            }
            // The issue writer's pod is gone, and its queue with it.
            try (Stream<Path> files = Files.walk(outboxA)) {
                files.sorted(Comparator.reverseOrder())
                        .filter(p -> !p.equals(outboxA))
                        .forEach(p -> p.toFile().delete());
            }
            github.recover();
            assertEquals(0, github.issues("shop/checkout").size());

            try (LocalCouncil b = council(vertx, data, github, outboxB)) {
                assertEquals(1, orchestrator(b).owedIssues().fileDue(), "filed by the next orchestrator");
                assertEquals(0, orchestrator(b).owedIssues().fileDue(), "and only once");
                List<FakeIssue> issues = github.issues("shop/checkout");
                assertEquals(1, issues.size());
                assertTrue(issues.get(0).body().contains(id), "the issue names the analysis that owed it");
                JsonNode kept = Json.mapper()
                        .readTree(TestHttp.get(b.orchestratorUrl() + "/api/v1/history/analyses/" + id)
                                .body());
                assertTrue(
                        kept.path("issueUrl")
                                .asText()
                                .endsWith("/issues/" + issues.get(0).number()),
                        "the history shows where the issue went: " + kept.path("issueUrl"));
                assertEquals(
                        "filed",
                        kept.path("verdict").path("issue").path("state").asText());
            }
        } finally {
            vertx.close();
        }
    }
}
