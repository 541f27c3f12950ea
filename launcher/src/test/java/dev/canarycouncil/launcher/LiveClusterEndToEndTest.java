package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spine's end-to-end path with the cluster answered live, by fabric8's Kubernetes mock server
 * holding a recording, instead of by the recording itself: same plugin request, same verdict.
 */
class LiveClusterEndToEndTest {

    @ParameterizedTest
    @CsvSource({
        "healthy-color-change, PROMOTE",
        "go-panic-index-out-of-range, ROLLBACK",
        "5xx-spike-payments-timeout, ROLLBACK",
        "oom-crashloop-report-cache, ROLLBACK"
    })
    void thePluginGetsTheRecordingsVerdictFromALiveCluster(String recording, String expected) throws Exception {
        Vertx vertx = VertxFactory.create(64);
        try (RecordingInMockCluster cluster = RecordingInMockCluster.start(Recordings.named(recording));
                LocalCouncil council = LocalCouncil.start(
                        new CouncilAssembly(
                                vertx,
                                "127.0.0.1",
                                A2aServerSettings.defaults(),
                                PresetCatalog.defaultSet(),
                                ModelConfig.none()),
                        LocalCouncil.Ports.ephemeral(),
                        cluster.toolBackends(),
                        CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                        IssueWriterConfig.dryRun(null, null),
                        line -> {})) {
            String namespace = cluster.recording().manifest().namespace();
            String hash = cluster.recording().manifest().canary().podTemplateHash();
            var response = TestHttp.postJson(
                    council.orchestratorUrl() + "/a2a/analyze",
                    "{\"userId\":\"argo-rollouts\",\"prompt\":\"p\",\"context\":{\"namespace\":\"" + namespace
                            + "\",\"rolloutName\":\""
                            + cluster.recording().manifest().rollout()
                            + "\",\"canarySelector\":\"rollouts-pod-template-hash=" + hash + "\",\"podName\":\"" + hash
                            + "\"}}");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = Json.mapper().readTree(response.body());
            assertEquals(expected, answer.get("verdict").asText(), answer.toString());
            assertEquals(expected.equals("PROMOTE"), answer.get("promote").asBoolean());
            assertEquals(
                    "", answer.path("failedAgents").toString().replace("[]", ""), "every member answered: " + answer);
        } finally {
            vertx.close();
        }
    }

    @Test
    void analyzeReadsALiveClusterThroughAKubeconfig(@TempDir Path dir) throws Exception {
        try (RecordingInMockCluster cluster =
                RecordingInMockCluster.start(Recordings.named("go-panic-index-out-of-range"))) {
            Path kubeconfig = dir.resolve("config");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: mock
                        cluster:
                          server: %s
                    users:
                      - name: reader
                        user:
                          token: %s
                    contexts:
                      - name: mock
                        context: {cluster: mock, user: reader, namespace: shop}
                    current-context: mock
                    """.formatted(cluster.apiUrl(), RecordingInMockCluster.TOKEN));
            CliRun r = CliRun.of(
                    "analyze",
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "--namespace",
                    "shop",
                    "--pod",
                    "7c9d6f5b4",
                    "--json");
            assertEquals(ExitCodes.ROLLBACK, r.code(), r.err());
            JsonNode verdict = Json.mapper().readTree(r.out());
            assertEquals("ROLLBACK", verdict.get("decision").asText());
            assertTrue(r.err().contains("log-analyst: reading canary pods: checkout-7c9d6f5b4-"), r.err());
            assertTrue(
                    r.err().contains("kubeconfig " + kubeconfig) || r.err().contains(kubeconfig.toString()), r.err());
            assertFalse(r.err().contains(RecordingInMockCluster.TOKEN), "the token never shows");
        }
    }

    @Test
    void liveOptionsThatCannotWorkAreUsageErrors(@TempDir Path dir) {
        String recording = Recordings.named("healthy-color-change").toString();
        List<CliRun> runs = List.of(
                CliRun.of(
                        "analyze",
                        "--recording",
                        recording,
                        "--kubeconfig",
                        dir.resolve("k").toString()),
                CliRun.of("analyze", "--kubeconfig", dir.resolve("k").toString(), "--namespace", "shop"),
                CliRun.of(
                        "analyze",
                        "--kubeconfig",
                        dir.resolve("missing").toString(),
                        "--namespace",
                        "shop",
                        "--pod",
                        "x"),
                CliRun.of(
                        "analyze",
                        "--in-cluster",
                        "--kubeconfig",
                        dir.resolve("k").toString(),
                        "--namespace",
                        "shop",
                        "--pod",
                        "x"),
                CliRun.of(
                        "serve",
                        "--agent",
                        "mcp-tools",
                        "--kubeconfig",
                        dir.resolve("k").toString(),
                        "--port",
                        "0"));
        List<String> expected = List.of(
                "give either --recording or a live cluster, not both",
                "a live analysis needs --namespace NS and --pod",
                "missing",
                "give only one of --in-cluster, --kubeconfig and --api-url",
                "give --namespaces");
        for (int i = 0; i < runs.size(); i++) {
            CliRun r = runs.get(i);
            assertEquals(ExitCodes.USAGE, r.code(), i + ": " + r.err());
            assertTrue(r.err().contains(expected.get(i)), i + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
