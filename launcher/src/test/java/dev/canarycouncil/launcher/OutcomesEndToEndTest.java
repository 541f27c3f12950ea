package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.OrchestratorService;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In live mode the council follows each analysed canary to its end in the Rollout's status, and
 * `history report` scores the verdicts against it: a report `--track-record` reads.
 */
class OutcomesEndToEndTest {

    private static final ResourceDefinitionContext ROLLOUTS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io")
            .withVersion("v1alpha1")
            .withKind("Rollout")
            .withPlural("rollouts")
            .withNamespaced(true)
            .build();

    /** Analyses the recording's canary through a live (mock) cluster, then lets Argo finish the rollout. */
    private static String analyseThenFinish(
            Vertx vertx, Path data, String recording, String expected, Consumer<Map<String, Object>> argo)
            throws Exception {
        try (RecordingInMockCluster cluster = RecordingInMockCluster.start(Recordings.named(recording));
                LocalCouncil council = LocalCouncil.start(
                        new CouncilAssembly(
                                        vertx,
                                        "127.0.0.1",
                                        A2aServerSettings.defaults(),
                                        PresetCatalog.defaultSet(),
                                        ModelConfig.none())
                                .withHistory(HistorySettings.embedded(data, HistorySettings.DEFAULT_RETENTION)),
                        LocalCouncil.Ports.ephemeral(),
                        cluster.toolBackends(),
                        CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                        IssueWriterConfig.dryRun(null, null),
                        line -> {})) {
            RolloutManifest m = cluster.recording().manifest();
            var response = TestHttp.postJson(
                    council.orchestratorUrl() + "/api/v1/analyses",
                    "{\"namespace\":\"" + m.namespace() + "\",\"rollout\":\"" + m.rollout() + "\",\"canaryHash\":\""
                            + m.canary().podTemplateHash() + "\"}");
            JsonNode verdict = Json.mapper().readTree(response.body());
            assertEquals(expected, verdict.path("decision").asText(), response.body());
            String id = verdict.path("analysisId").asText();
            OrchestratorService service =
                    (OrchestratorService) council.part("orchestrator").service();
            service.history().flush(Duration.ofSeconds(10));

            assertEquals(0, service.outcomes().check(), "the canary is still at its step");

            var rollouts =
                    cluster.adminClient().genericKubernetesResources(ROLLOUTS).inNamespace(m.namespace());
            GenericKubernetesResource rollout = rollouts.withName(m.rollout()).get();
            @SuppressWarnings("unchecked")
            Map<String, Object> status = new LinkedHashMap<>(
                    (Map<String, Object>) rollout.getAdditionalProperties().get("status"));
            argo.accept(status);
            rollout.getAdditionalProperties().put("status", status);
            rollouts.resource(rollout).update();

            assertEquals(1, service.outcomes().check(), "the end of the canary is read from the Rollout");
            return id;
        }
    }

    @Test
    void promotedAndAbortedCanariesAreKeptAndScoredByHistoryReport(@TempDir Path data, @TempDir Path out)
            throws Exception {
        Vertx vertx = VertxFactory.create(64);
        try {
            String promoted = analyseThenFinish(vertx, data, "healthy-color-change", "PROMOTE", status -> {
                status.put("stableRS", status.get("currentPodHash"));
                status.put("phase", "Healthy");
            });
            String aborted = analyseThenFinish(vertx, data, "go-panic-index-out-of-range", "ROLLBACK", status -> {
                status.put("abort", true);
                status.put("phase", "Degraded");
                status.put("message", "RolloutAborted: Rollout aborted update to revision 2");
            });

            CliRun report = CliRun.of("history", "report", "--data-dir", data.toString(), "--report", out.toString());
            assertEquals(ExitCodes.PROMOTE, report.code(), report.err());
            List<String> lines = report.out().lines().toList();
            assertTrue(
                    lines.stream().anyMatch(l -> l.contains(promoted) && l.contains("deserved PROMOTE")), report.out());
            assertTrue(
                    lines.stream().anyMatch(l -> l.contains(aborted) && l.contains("deserved ROLLBACK")), report.out());
            assertEquals(
                    "accuracy=1.000 false_promote=0.000 false_rollback=0.000 inconclusive=0.000",
                    lines.get(lines.size() - 1).replaceAll(" ece=.*$", ""),
                    report.out());

            Path json = out.resolve("eval-report.json");
            JsonNode written = Json.mapper().readTree(Files.readString(json));
            assertEquals(2, written.path("cases").size());
            assertTrue(
                    written.path("agents").has("log-analyst"),
                    written.path("agents").toString());
            assertTrue(!TrackRecords.load(json).isEmpty(), "--track-record takes production's report");
        } finally {
            vertx.close();
        }
    }
}
