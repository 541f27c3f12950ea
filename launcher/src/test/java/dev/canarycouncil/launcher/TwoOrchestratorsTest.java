package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import dev.canarycouncil.mcp.prometheus.MetricsBackend;
import dev.canarycouncil.mcp.prometheus.QueryResult;
import dev.canarycouncil.mcp.prometheus.SeriesMatch;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.PostgresServer;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two orchestrators, as deploy/ runs them, each with its own members and issue writer, on one
 * PostgreSQL and one GitHub: a rollback both judge at once is filed once; one killed in the middle of
 * an analysis leaves the controller's retry to the other; whatever either answered stays in the history.
 */
class TwoOrchestratorsTest {

    private static final String TOKEN = "ghp_twoOrchestratorsToken00000000000000";
    private static final String MEASUREMENT =
            "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"7c9d6f5b4\"}";

    private static Vertx vertx;
    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        PostgresServer.assumeAvailable();
        postgres = PostgresServer.start();
        vertx = VertxFactory.create(64);
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static LocalCouncil replica(GitHubFake github, Path outbox, ToolBackends backends) {
        CouncilAssembly assembly = new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults(),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none())
                .withHistory(HistorySettings.postgresql(
                        postgres.jdbcUrl(), postgres.user(), Optional.empty(), HistorySettings.DEFAULT_RETENTION));
        return LocalCouncil.start(
                assembly,
                LocalCouncil.Ports.ephemeral(),
                backends,
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                new IssueWriterConfig(
                        List.of("canary-rollback"),
                        null,
                        GitHubFilingConfig.of("shop/checkout", TOKEN, outbox).withApiUrl(github.url())),
                line -> {});
    }

    private static ToolBackends recorded() {
        return RecordingOption.backends(RecordedRollout.load(Recordings.named("go-panic-index-out-of-range")));
    }

    /** The web provider's measurement, as Argo's POST sends it. */
    private static HttpResponse<String> measure(LocalCouncil replica) throws Exception {
        return TestHttp.postJson(replica.orchestratorUrl() + "/api/v1/analyses", MEASUREMENT);
    }

    private static JsonNode verdict(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    /** Every analysis id the history holds for the rollout, once the asynchronous writes of {@code expected} are done. */
    private static List<String> kept(LocalCouncil replica, List<String> expected) throws Exception {
        // Writes that failed are retried every 10 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        List<String> ids = new ArrayList<>();
        do {
            ids.clear();
            JsonNode page = Json.mapper()
                    .readTree(TestHttp.get(replica.orchestratorUrl()
                                    + "/api/v1/history/analyses?namespace=shop&rollout=checkout&limit=100")
                            .body());
            page.path("analyses").forEach(a -> ids.add(a.path("id").asText()));
            if (ids.containsAll(expected)) {
                return ids;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return ids;
    }

    @Test
    void aRollbackJudgedByBothAtOnceIsFiledOnceAndBothAreKept(@TempDir Path outboxA, @TempDir Path outboxB)
            throws Exception {
        try (GitHubFake github = GitHubFake.start(TOKEN);
                LocalCouncil a = replica(github, outboxA, recorded());
                LocalCouncil b = replica(github, outboxB, recorded())) {
            github.addRepository("shop/checkout");
            // Argo's controller and a second AnalysisRun (or Flagger) reach the two replicas through one Service.
            CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> call(a));
            CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> call(b));
            JsonNode fromA = verdict(onA.get(60, TimeUnit.SECONDS));
            JsonNode fromB = verdict(onB.get(60, TimeUnit.SECONDS));
            assertEquals("ROLLBACK", fromA.path("decision").asText());
            assertEquals("ROLLBACK", fromB.path("decision").asText());
            assertTrue(
                    !fromA.path("analysisId")
                            .asText()
                            .equals(fromB.path("analysisId").asText()),
                    "two analyses");
            assertEquals(fromA.path("issueUrl").asText(), fromB.path("issueUrl").asText(), "one issue for both");
            List<FakeIssue> issues = github.issues("shop/checkout");
            assertEquals(1, issues.size(), "two replicas judging one failure at once file one issue");
            assertEquals(
                    1,
                    github.comments("shop/checkout", issues.get(0).number()).size(),
                    "the later occurrence is a comment on it");
            List<String> both = List.of(
                    fromA.path("analysisId").asText(), fromB.path("analysisId").asText());
            List<String> ids = kept(b, both);
            assertTrue(ids.containsAll(both), "both analyses are in the history, read from either replica: " + ids);
        }
    }

    @Test
    void aReplicaKilledMidAnalysisLeavesTheControllersRetryToTheOther(@TempDir Path outboxA, @TempDir Path outboxB)
            throws Exception {
        CountDownLatch inMetrics = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ToolBackends slow = recorded();
        ToolBackends stuck = new ToolBackends(
                slow.cluster(), new HeldMetrics(slow.metrics(), inMetrics, release), slow.code(), slow.description());
        try (GitHubFake github = GitHubFake.start(TOKEN);
                LocalCouncil b = replica(github, outboxB, recorded())) {
            github.addRepository("shop/checkout");
            LocalCouncil a = replica(github, outboxA, stuck);
            CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> call(a));
            try {
                assertTrue(inMetrics.await(30, TimeUnit.SECONDS), "the analysis on the first replica is under way");
                a.close(); // the node is drained: the replica goes away in the middle of the analysis
            } finally {
                release.countDown();
            }
            HttpResponse<String> first = onA.handle((r, e) -> r).get(60, TimeUnit.SECONDS);
            assertTrue(
                    first == null || first.statusCode() != 200,
                    "the killed replica gave no verdict: " + (first == null ? "connection lost" : first.body()));

            JsonNode retried = verdict(measure(b)); // Argo measures again after an error
            assertEquals("ROLLBACK", retried.path("decision").asText());
            assertEquals(1, github.issues("shop/checkout").size(), "the retry's issue is filed once");
            List<String> ids = kept(b, List.of(retried.path("analysisId").asText()));
            assertTrue(ids.contains(retried.path("analysisId").asText()), ids.toString());
        }
    }

    @Test
    void anA2aTaskRunOnOneReplicaIsReadOnTheOtherAfterTheFirstStopped(@TempDir Path outboxA, @TempDir Path outboxB)
            throws Exception {
        try (GitHubFake github = GitHubFake.start(TOKEN);
                LocalCouncil b = replica(github, outboxB, recorded())) {
            github.addRepository("shop/checkout");
            String taskId;
            String contextId;
            try (LocalCouncil a = replica(github, outboxA, recorded())) {
                String send = "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"method\":\"message/send\",\"params\":"
                        + "{\"message\":{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\""
                        + java.util.UUID.randomUUID()
                        + "\",\"parts\":[{\"kind\":\"data\",\"data\":{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"},"
                        + "\"metadata\":{\"kind\":\"" + dev.canarycouncil.runtime.a2a.A2aParts.ANALYSIS_TARGET
                        + "\"}}]}}}";
                JsonNode task = Json.mapper()
                        .readTree(TestHttp.postJson(a.orchestratorUrl() + "/", send)
                                .body())
                        .path("result");
                assertEquals("completed", task.path("status").path("state").asText(), task.toString());
                taskId = task.path("id").asText();
                contextId = task.path("contextId").asText();
            }
            // A peer polls tasks/get through the Service; the replica that ran the task is gone.
            String get = "{\"jsonrpc\":\"2.0\",\"id\":\"2\",\"method\":\"tasks/get\",\"params\":{\"id\":\"" + taskId
                    + "\"}}";
            JsonNode read = Json.mapper()
                    .readTree(TestHttp.postJson(b.orchestratorUrl() + "/", get).body());
            assertEquals(
                    "completed",
                    read.path("result").path("status").path("state").asText(),
                    read.toString());
            assertEquals(
                    "ROLLBACK",
                    read.path("result")
                            .path("artifacts")
                            .get(0)
                            .path("parts")
                            .findValue("decision")
                            .asText(),
                    "the verdict comes with the task");

            // The conversation goes on there too: a follow-up in the same context, naming nothing.
            String question = "{\"jsonrpc\":\"2.0\",\"id\":\"3\",\"method\":\"message/send\",\"params\":"
                    + "{\"message\":{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\""
                    + java.util.UUID.randomUUID()
                    + "\",\"contextId\":\"" + contextId
                    + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"why was it rolled back?\"}]}}}";
            JsonNode answer = Json.mapper()
                    .readTree(TestHttp.postJson(b.orchestratorUrl() + "/", question)
                            .body())
                    .path("result");
            assertEquals("completed", answer.path("status").path("state").asText(), answer.toString());
            assertTrue(
                    answer.path("artifacts").toString().contains("index out of range"),
                    "answered from the stored analysis: " + answer);
        }
    }

    @Test
    void aStreamResubscribedOnTheOtherReplicaFollowsTheTaskToItsVerdict(@TempDir Path outboxA, @TempDir Path outboxB)
            throws Exception {
        CountDownLatch inMetrics = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ToolBackends slow = recorded();
        ToolBackends held = new ToolBackends(
                slow.cluster(), new HeldMetrics(slow.metrics(), inMetrics, release), slow.code(), slow.description());
        try (GitHubFake github = GitHubFake.start(TOKEN);
                LocalCouncil a = replica(github, outboxA, held);
                LocalCouncil b = replica(github, outboxB, recorded())) {
            github.addRepository("shop/checkout");
            try {
                String send = "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"method\":\"message/send\",\"params\":"
                        + "{\"configuration\":{\"blocking\":false},\"message\":{\"kind\":\"message\",\"role\":\"user\","
                        + "\"messageId\":\"" + java.util.UUID.randomUUID()
                        + "\",\"parts\":[{\"kind\":\"data\",\"data\":"
                        + "{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"},\"metadata\":{\"kind\":\""
                        + dev.canarycouncil.runtime.a2a.A2aParts.ANALYSIS_TARGET + "\"}}]}}}";
                String taskId = Json.mapper()
                        .readTree(TestHttp.postJson(a.orchestratorUrl() + "/", send)
                                .body())
                        .path("result")
                        .path("id")
                        .asText();
                assertTrue(inMetrics.await(30, TimeUnit.SECONDS), "the analysis is under way on the first replica");
                String get = "{\"jsonrpc\":\"2.0\",\"id\":\"2\",\"method\":\"tasks/get\",\"params\":{\"id\":\"" + taskId
                        + "\"}}";
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                String state;
                do {
                    state = Json.mapper()
                            .readTree(TestHttp.postJson(b.orchestratorUrl() + "/", get)
                                    .body())
                            .path("result")
                            .path("status")
                            .path("state")
                            .asText();
                } while (!state.equals("working") && System.nanoTime() < deadline);
                assertEquals("working", state, "the other replica reads the running task");

                String resubscribe = "{\"jsonrpc\":\"2.0\",\"id\":\"3\",\"method\":\"tasks/resubscribe\","
                        + "\"params\":{\"id\":\"" + taskId + "\"}}";
                CompletableFuture<dev.canarycouncil.runtime.testing.SseEvents.Stream> stream =
                        CompletableFuture.supplyAsync(() -> {
                            try {
                                return dev.canarycouncil.runtime.testing.SseEvents.post(
                                        b.orchestratorUrl() + "/", resubscribe, Duration.ofSeconds(60));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                Thread.sleep(1000);
                assertTrue(!stream.isDone(), "the stream stays open while the task runs elsewhere");
                release.countDown();
                var events = stream.get(60, TimeUnit.SECONDS).events();
                JsonNode last = events.get(events.size() - 1).path("result");
                assertEquals("completed", last.path("status").path("state").asText(), events.toString());
                assertEquals(
                        "ROLLBACK",
                        last.path("artifacts")
                                .get(0)
                                .path("parts")
                                .findValue("decision")
                                .asText());
            } finally {
                release.countDown();
            }
        }
    }

    /**
     * The database goes away under a serving orchestrator: the controller still gets its verdict, the
     * history says it is unavailable, and the analysis is written once the database is back.
     */
    @Test
    void aStoppedDatabaseNeverCostsTheControllerItsVerdict(@TempDir Path outbox) throws Exception {
        try (PostgresServer own = PostgresServer.start();
                GitHubFake github = GitHubFake.start(TOKEN)) {
            github.addRepository("shop/checkout");
            CouncilAssembly assembly = new CouncilAssembly(
                            vertx,
                            "127.0.0.1",
                            A2aServerSettings.defaults(),
                            PresetCatalog.defaultSet(),
                            ModelConfig.none())
                    .withHistory(HistorySettings.postgresql(
                            own.jdbcUrl(), own.user(), Optional.empty(), HistorySettings.DEFAULT_RETENTION));
            try (LocalCouncil council = LocalCouncil.start(
                    assembly,
                    LocalCouncil.Ports.ephemeral(),
                    recorded(),
                    CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                    IssueWriterConfig.dryRun(null, null),
                    line -> {})) {
                own.stop();
                long start = System.nanoTime();
                JsonNode answer = verdict(measure(council));
                assertEquals("ROLLBACK", answer.path("decision").asText(), "never a silent promote");
                assertTrue(
                        Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20,
                        "the verdict did not wait for the database");
                HttpResponse<String> overview = TestHttp.get(council.orchestratorUrl() + "/api/v1/history");
                assertEquals(503, overview.statusCode(), overview.body());
                assertTrue(overview.body().contains("unavailable"), overview.body());

                own.restart();
                String id = answer.path("analysisId").asText();
                assertTrue(kept(council, List.of(id)).contains(id), "written once the database was back");
            }
        }
    }

    private static HttpResponse<String> call(LocalCouncil replica) {
        try {
            return measure(replica);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded metrics, held at their first query until the test lets go: an analysis caught in the middle. */
    private record HeldMetrics(MetricsBackend recorded, CountDownLatch entered, CountDownLatch release)
            implements MetricsBackend {

        private void hold() {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public QueryResult instant(String query, Instant time) {
            hold();
            return recorded.instant(query, time);
        }

        @Override
        public QueryResult range(String query, Instant start, Instant end, Duration step) {
            hold();
            return recorded.range(query, start, end, step);
        }

        @Override
        public List<SeriesMatch> series(List<String> selectors, Instant start, Instant end, int limit) {
            hold();
            return recorded.series(selectors, start, end, limit);
        }

        @Override
        public List<String> labelValues(String label, String selector, Instant start, Instant end) {
            hold();
            return recorded.labelValues(label, selector, start, end);
        }

        @Override
        public Instant now() {
            return recorded.now();
        }
    }
}
