package dev.canarycouncil.metrics.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.prometheus.PrometheusServer;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.metrics.MetricsAgent;
import dev.canarycouncil.metrics.MetricsJudge;
import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.metrics.presets.ConventionSeries.Convention;
import dev.canarycouncil.metrics.presets.ConventionSeries.Service;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bundled preset against a real Prometheus (the Debian package) holding series in its
 * convention, through the real MCP server: auto-detection finds the preset and the labels that
 * split canary from stable, and the preset's queries see the canary's 5xx regression.
 */
class PresetsOnPrometheusTest {

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
    static void startPrometheusWithEveryConvention() throws Exception {
        PrometheusServer.assumeAvailable();
        ConventionSeries series = new ConventionSeries(START, END);
        for (Convention c : Convention.values()) {
            series.add(new Service(name(c), c, 0.08, 0.003));
        }
        series.add(new Service("healthy-otel", Convention.OPENTELEMETRY, 0.003, 0.003));
        Path om = tmp.resolve("conventions.om");
        Files.writeString(om, series.openMetrics(CANARY, STABLE));
        prometheus = PrometheusServer.start(om);
        vertx = Vertx.vertx();
        endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        ToolBackends backends = ToolBackends.recorded(RecordedRollout.load(Recordings.named("healthy-color-change")))
                .withMetrics(prometheus.backend(), "conventions in Prometheus at " + prometheus.url());
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

    private static String name(Convention c) {
        return c.name().toLowerCase().replace('_', '-');
    }

    private static AnalysisRequest request(String service) {
        return AnalysisRequest.builder(
                        UUID.randomUUID().toString(),
                        service,
                        new PodGroup(CANARY, "app=" + service, List.of(service + "-" + CANARY + "-p0")),
                        new PodGroup(
                                STABLE,
                                "app=" + service,
                                List.of(service + "-" + STABLE + "-p0", service + "-" + STABLE + "-p1")),
                        new TimeWindow(START, END))
                .rollout(service)
                .service(service)
                .build();
    }

    private static Finding judge(String service, MetricSetChoice choice) throws InterruptedException {
        return new MetricsJudge(MetricsAgent.NAME, tools, choice).judge(request(service), message -> {});
    }

    @ParameterizedTest(name = "{0} is detected as {1} and its 5xx regression rolls back")
    @CsvSource({
        "kube-prometheus, kube-prometheus, service and rollouts_pod_template_hash labels, 5xx-ratio",
        "per-pod, per-pod, namespace and pod labels, 5xx-ratio",
        "opentelemetry, opentelemetry, namespace and rollouts_pod_template_hash labels|namespace and pod labels, 5xx-ratio",
        "opentelemetry-legacy, opentelemetry-legacy, namespace and pod labels, 5xx-ratio",
        "spring-boot, spring-boot, namespace and pod labels, 5xx-ratio",
        "istio, istio, namespace and rollouts_pod_template_hash labels, 5xx-ratio",
        "linkerd, linkerd, replicaset label, failure-ratio",
        "nginx-ingress, nginx-ingress, canary label, 5xx-ratio",
        "envoy, envoy, Envoy clusters, 5xx-ratio"
    })
    void autoDetectionFindsThePresetAndItsQueriesSeeTheRegression(
            String service, String preset, String targetWords, String errorMetric) throws Exception {
        Finding f = judge(service, MetricSetChoice.auto());
        String account = f.notes().get(0);
        assertTrue(account.startsWith("metric preset " + preset + " (auto-detected"), account);
        boolean named = false;
        for (String words : targetWords.split("\\|")) {
            named |= account.contains(words);
        }
        assertTrue(named, account);
        assertEquals(Decision.ROLLBACK, f.verdict(), f.summary() + " " + f.evidence());
        PromQlEvidence errors = f.evidence().stream()
                .map(PromQlEvidence.class::cast)
                .filter(e -> e.metric().equals(errorMetric))
                .findFirst()
                .orElseThrow();
        assertEquals(0.08, errors.canaryValue(), 0.01, errors.canaryQuery());
        assertEquals(0.003, errors.stableValue(), 0.002, errors.stableQuery());
        // Micrometer exports no buckets by default: its latency is the mean, and its percentiles have no data.
        String latency = preset.equals("spring-boot") ? "latency-mean" : "latency-p95";
        PromQlEvidence p95 = f.evidence().stream()
                .map(PromQlEvidence.class::cast)
                .filter(e -> e.metric().equals(latency))
                .findFirst()
                .orElseThrow();
        assertNotNull(p95.canaryValue(), "latency read from the preset's histogram or sum: " + p95.test());
        assertTrue(p95.canaryValue() > 0.01 && p95.canaryValue() < 0.5, p95.description());
        // Each convention's latency query gives a value per one-minute step at a 15 s scrape: the sign test.
        assertTrue(p95.test().startsWith("sign test, 10 paired 60 s steps"), p95.test());
        assertEquals(10, p95.sequential().points().size(), p95.test());
    }

    @Test
    void aHealthyCanaryInAnotherConventionIsPromoted() throws Exception {
        Finding f = judge("healthy-otel", MetricSetChoice.auto());
        assertEquals(Decision.PROMOTE, f.verdict(), f.summary() + " " + f.evidence());
        assertTrue(
                f.notes().get(0).contains("no cAdvisor or kube-state-metrics series"),
                f.notes().get(0));
    }

    @Test
    void aConventionNoPresetKnowsIsInconclusiveAndSaysWhatThePodsExpose() throws Exception {
        Finding f = judge("unknown", MetricSetChoice.auto());
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertFalse(f.abstains(), "a source with no known series is not an absent source");
        assertEquals(BlindSpot.Kind.NO_DATA, f.blindSpots().get(0).kind());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("myapp_requests_handled_total")), f.notes()::toString);
    }

    @Test
    void aNamedPresetIsUsedEvenWhereItsSeriesAreMissing() throws Exception {
        Finding f = judge("opentelemetry", new MetricSetChoice.Preset("istio"));
        assertEquals(Decision.INCONCLUSIVE, f.verdict(), f.summary());
        assertTrue(f.summary().contains("no metric preset has series"), f.summary());
        Finding right = judge("istio", new MetricSetChoice.Preset("istio"));
        assertTrue(
                right.notes().get(0).startsWith("metric preset istio (chosen"),
                right.notes().get(0));
    }
}
