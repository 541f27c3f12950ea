package dev.canarycouncil.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.prometheus.PrometheusServer;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.metrics.MetricsAgent;
import dev.canarycouncil.metrics.MetricsJudge;
import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.config.MetricSetLoader;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.metrics.prometheus.ScenarioMetrics.Service;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.testing.Recordings;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metrics judge against a real Prometheus (the Debian package), backfilled with generated
 * scenarios, through the real MCP server: every query is real PromQL over real HTTP.
 */
class PrometheusScenariosTest {

    private static final Instant START = Instant.parse("2026-05-05T12:00:00Z");
    private static final Instant END = START.plusSeconds(600);
    private static final String CANARY = "7c9d6f5b4";
    private static final String STABLE = "5f7d8c9b6";

    @TempDir
    static Path tmp;

    private static PrometheusServer prometheus;
    private static Vertx vertx;
    private static HttpEndpoint endpoint;
    private static McpToolServer mcp;
    private static McpToolClient tools;

    @BeforeAll
    static void startPrometheusWithEveryScenario() throws Exception {
        PrometheusServer.assumeAvailable();
        Scenario healthy = Scenario.healthy();
        ScenarioMetrics metrics = new ScenarioMetrics(START, END)
                .add(service("clear-regression", healthy.withErrors(0.08).withLatency(0.060, 0), healthy))
                .add(service("no-change", healthy, healthy))
                .add(service("noisy-equal", healthy.withLatency(0.025, 0.5), healthy.withLatency(0.025, 0.5)))
                .add(service("sparse-errors", healthy.withErrors(0).withSparseErrors(3, 0.05), healthy.withErrors(0)))
                .add(service("latency-only", healthy.withLatency(0.070, 0), healthy))
                .add(service("low-traffic", healthy.withTraffic(0.01), healthy))
                .add(service("bad-promql", healthy, healthy));
        Path om = tmp.resolve("scenarios.om");
        Files.writeString(om, metrics.openMetrics());
        prometheus = PrometheusServer.start(om);
        vertx = Vertx.vertx();
        endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        ToolBackends backends = ToolBackends.recorded(RecordedRollout.load(Recordings.named("healthy-color-change")))
                .withMetrics(prometheus.backend(), "generated scenarios in Prometheus at " + prometheus.url());
        mcp = new McpToolServer(backends, Duration.ofSeconds(30));
        mcp.mount(endpoint.router());
        tools = new McpToolClient(endpoint.baseUrl() + McpToolServer.PATH, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (tools != null) {
            tools.close();
            mcp.close();
            endpoint.close();
            vertx.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static Service service(String name, Scenario canary, Scenario stable) {
        return new Service(name, CANARY, canary, 1, STABLE, stable, 3);
    }

    private static AnalysisRequest request(String name) {
        return request(name, END);
    }

    private static AnalysisRequest request(String name, Instant end) {
        Service s = service(name, null, null);
        return AnalysisRequest.builder(
                        UUID.randomUUID().toString(),
                        name,
                        new PodGroup(CANARY, "app=" + name, s.pods(CANARY, 1)),
                        new PodGroup(STABLE, "app=" + name, s.pods(STABLE, 3)),
                        new TimeWindow(START, end))
                .rollout(name)
                .service(name)
                .build();
    }

    private static Finding judge(String name, MetricSet set) throws InterruptedException {
        return new MetricsJudge(MetricsAgent.NAME, tools, set).judge(request(name), message -> {});
    }

    private static Finding judge(String name) throws InterruptedException {
        return judge(name, PresetCatalog.defaultSet());
    }

    private static PromQlEvidence metric(Finding f, String name) {
        return f.evidence().stream()
                .map(PromQlEvidence.class::cast)
                .filter(e -> e.metric().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aClearRegressionRollsBackOnTheCriticalErrorRatioWithRerunnableQueries() throws Exception {
        Finding f = judge("clear-regression");
        assertEquals(Decision.ROLLBACK, f.verdict(), f.summary());
        assertTrue(f.confidence() >= 90, f.summary());
        PromQlEvidence errors = metric(f, "5xx-ratio");
        assertEquals(Severity.CRITICAL, errors.severity());
        assertEquals(0.08, errors.canaryValue(), 0.015);
        assertEquals(0.003, errors.stableValue(), 0.002);
        assertTrue(
                errors.canaryQuery().contains("rollouts_pod_template_hash=\"" + CANARY + "\""), errors.canaryQuery());
        assertTrue(errors.test().startsWith("sequential rate-ratio test over "), errors.test());
        assertEquals(Severity.ERROR, metric(f, "latency-p50").severity(), "latency doubled too");
    }

    /**
     * The controller measures every minute and the window grows: one judge that keeps the steps it
     * read judges each call exactly as a judge that reads the whole window.
     */
    @ParameterizedTest
    @ValueSource(strings = {"clear-regression", "no-change", "sparse-errors", "latency-only", "noisy-equal"})
    void aJudgeThatKeepsItsStepsJudgesEachCallAsAFreshOne(String name) throws Exception {
        MetricsJudge measuredAgain = new MetricsJudge(MetricsAgent.NAME, tools, PresetCatalog.defaultSet());
        for (int minute = 2; minute <= 10; minute++) {
            AnalysisRequest request = request(name, START.plusSeconds(60L * minute));
            Finding kept = measuredAgain.judge(request, message -> {});
            Finding fresh = new MetricsJudge(MetricsAgent.NAME, tools, PresetCatalog.defaultSet())
                    .judge(request, message -> {});
            assertEquals(fresh.verdict(), kept.verdict(), name + " at minute " + minute);
            assertEquals(fresh.summary(), kept.summary(), name + " at minute " + minute);
            assertEquals(metric(fresh, "5xx-ratio"), metric(kept, "5xx-ratio"), name + " at minute " + minute);
            assertEquals(metric(fresh, "latency-p95"), metric(kept, "latency-p95"), name + " at minute " + minute);
        }
    }

    @Test
    void noChangePromotes() throws Exception {
        Finding f = judge("no-change");
        assertEquals(Decision.PROMOTE, f.verdict(), f.summary() + f.evidence());
        assertTrue(f.confidence() >= 75, f.summary());
        assertTrue(f.evidence().stream().allMatch(e -> e.severity() == Severity.INFO), f.evidence()::toString);
    }

    @Test
    void noisyButEqualLatencyPromotes() throws Exception {
        Finding f = judge("noisy-equal");
        assertEquals(Decision.PROMOTE, f.verdict(), f.summary() + f.evidence());
    }

    @Test
    void sparseErrorsTheStableNeverHadRollBack() throws Exception {
        Finding f = judge("sparse-errors");
        assertEquals(Decision.ROLLBACK, f.verdict(), f.summary() + f.evidence());
        PromQlEvidence errors = metric(f, "5xx-ratio");
        assertEquals(0.0, errors.stableValue());
        assertTrue(errors.canaryValue() > 0 && errors.canaryValue() < 0.02, errors.description());
    }

    @Test
    void aLatencyOnlyRegressionRollsBackOnTheCriticalP95() throws Exception {
        Finding f = judge("latency-only");
        assertEquals(Decision.ROLLBACK, f.verdict(), f.summary() + f.evidence());
        // p95 is critical in the default set: ×3 alone rolls back, whatever the score.
        assertTrue(f.summary().startsWith("Critical metric fails on the canary: latency-p95 HIGH"), f.summary());
        assertTrue(f.summary().contains("score 70/100"), f.summary());
        for (String q : List.of("latency-p50", "latency-p95", "latency-p99")) {
            assertTrue(metric(f, q).severity().compareTo(Severity.ERROR) >= 0, q);
            assertTrue(
                    metric(f, q).test().startsWith("sign test, 10 paired 60 s steps"),
                    metric(f, q).test());
            assertEquals(10, metric(f, q).sequential().points().size(), q);
        }
        assertEquals(Severity.INFO, metric(f, "5xx-ratio").severity());
    }

    /**
     * Before the sign test has steps enough to decide at all, the window is compared with
     * Mann-Whitney, and the test says so; a level such as memory is always compared over the window.
     */
    @Test
    void aShortWindowAndALevelAreComparedOverTheWindowAndSaySo() throws Exception {
        Finding early = new MetricsJudge(MetricsAgent.NAME, tools, PresetCatalog.defaultSet())
                .judge(request("latency-only", START.plusSeconds(300)), message -> {});
        assertEquals(Decision.ROLLBACK, early.verdict(), early.summary());
        String p95 = metric(early, "latency-p95").test();
        assertTrue(p95.startsWith("Mann-Whitney U="), p95);
        assertTrue(
                p95.contains("(not sequential before 9 steps of 60 s, 5 so far: alpha shared among 8 windows, /20 for"
                        + " overlapping ranges)"),
                p95);
        assertTrue(p95.contains("at alpha 6.25e-05: HIGH"), p95);
        // A window long enough for the sign test whose first minutes have no series: over the window, at alpha.
        AnalysisRequest lateSeries = AnalysisRequest.builder(
                        UUID.randomUUID().toString(),
                        "latency-only",
                        request("latency-only").canary(),
                        request("latency-only").stable(),
                        new TimeWindow(START.minusSeconds(480), START.plusSeconds(300)))
                .rollout("latency-only")
                .service("latency-only")
                .build();
        Finding late =
                new MetricsJudge(MetricsAgent.NAME, tools, PresetCatalog.defaultSet()).judge(lateSeries, message -> {});
        String lateP95 = metric(late, "latency-p95").test();
        assertTrue(lateP95.startsWith("Mann-Whitney U="), lateP95);
        assertTrue(
                lateP95.matches(".*\\(not sequential: only [5-8] of 13 steps of 60 s had both sides, 9 needed\\).*"),
                lateP95);
        assertTrue(lateP95.contains("at alpha 0.0100: HIGH"), lateP95);
        String memory = metric(judge("no-change"), "memory-per-pod").test();
        assertTrue(memory.contains("(a level: not sequential)"), memory);
    }

    @Test
    void tooLittleTrafficIsInconclusiveWithTheReason() throws Exception {
        Finding f = judge("low-traffic");
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertTrue(f.summary().startsWith("Too little canary traffic to judge"), f.summary());
    }

    @Test
    void noDataIsInconclusiveNotAPromote() throws Exception {
        Finding f = judge("no-such-service");
        assertEquals(Decision.INCONCLUSIVE, f.verdict(), f.summary());
        assertTrue(f.summary().startsWith("No metric could be compared"), f.summary());
    }

    @Test
    void badPromQlIsReportedWithPrometheusOwnErrorAndNeverPromotes() throws Exception {
        MetricSet set = MetricSetLoader.parse("""
                traffic: 'http_requests_total{{{selector}}}'
                metrics:
                  - name: errors
                    numerator: 'http_requests_total{{{selector}},code=~"5.."'
                    denominator: 'http_requests_total{{{selector}}}'
                    critical: true
                  - name: latency
                    query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{{{selector}}}[{{interval}}])))'
                """, "test");
        Finding f = judge("bad-promql", set);
        assertEquals(Decision.INCONCLUSIVE, f.verdict(), f.summary());
        assertTrue(f.summary().startsWith("A critical metric could not be compared (errors)"), f.summary());
        PromQlEvidence errors = metric(f, "errors");
        assertEquals(Severity.WARNING, errors.severity());
        assertTrue(errors.test().contains("query failed") && errors.test().contains("parse error"), errors.test());
    }
}
