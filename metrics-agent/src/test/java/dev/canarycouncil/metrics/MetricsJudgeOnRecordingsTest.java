package dev.canarycouncil.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.metrics.config.Judgement;
import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.testing.Recordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics judge with the default metric set, through the real MCP server over the bundled recordings. */
class MetricsJudgeOnRecordingsTest {

    @TempDir
    Path tmp;

    private static Finding judge(Path recording) {
        return judge(recording, PresetCatalog.defaultSet());
    }

    private static Finding judge(Path recording, MetricSet set) {
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                McpToolClient tools = mcp.client()) {
            return new MetricsJudge(MetricsAgent.NAME, tools, set).judge(mcp.analysisRequest(null), message -> {});
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aHealthyCanaryPromotesWithEveryDefaultMetricCompared() {
        Finding f = judge(Recordings.named("healthy-color-change"));
        assertEquals(Decision.PROMOTE, f.verdict(), f.summary() + "\n" + f.evidence());
        assertTrue(f.confidence() >= 70, f.summary());
        assertEquals(PresetCatalog.defaultSet().metrics().size(), f.evidence().size());
        assertTrue(f.evidence().stream().allMatch(e -> e.severity() == Severity.INFO), f.evidence()::toString);
    }

    @Test
    void aFivexxSpikeRollsBackWithQueriesAHumanCanRerun() {
        Finding f = judge(Recordings.named("5xx-spike-payments-timeout"));
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertTrue(f.summary().startsWith("Critical metric fails on the canary: 5xx-ratio HIGH"), f.summary());
        PromQlEvidence e = (PromQlEvidence) f.evidence().get(0);
        assertEquals(Severity.CRITICAL, e.severity());
        assertTrue(e.test().startsWith("sequential rate-ratio test over "), e.test());
        assertEquals(0.25, e.canaryValue(), 0.03);
        assertTrue(e.stableValue() < 0.01);
        assertTrue(e.canaryQuery().contains("rollouts_pod_template_hash=\"7c9d6f5b4\""), e.canaryQuery());
        assertTrue(e.stableQuery().contains("rollouts_pod_template_hash=\"5f7d8c9b6\""), e.stableQuery());
    }

    @Test
    void theFixedWindowJudgementStaysAvailableAndAgrees() {
        MetricSet fixed = PresetCatalog.defaultSet().withJudgement(Judgement.FIXED_WINDOW);
        Finding spike = judge(Recordings.named("5xx-spike-payments-timeout"), fixed);
        assertEquals(Decision.ROLLBACK, spike.verdict(), spike.summary());
        PromQlEvidence e = (PromQlEvidence) spike.evidence().get(0);
        assertTrue(e.test().startsWith("Fisher's exact test"), e.test());
        assertEquals(0.25, e.canaryValue(), 0.03, "the same ratio as step by step");

        Finding healthy = judge(Recordings.named("healthy-color-change"), fixed);
        assertEquals(Decision.PROMOTE, healthy.verdict(), healthy.summary() + "\n" + healthy.evidence());
    }

    private Path copyWithMetrics(String metrics) throws IOException {
        Path target = Recordings.copy("healthy-color-change", tmp);
        if (metrics == null) {
            Files.delete(target.resolve("metrics.om"));
        } else {
            Files.writeString(target.resolve("metrics.om"), metrics);
        }
        return target;
    }

    @Test
    void tooLittleCanaryTrafficIsInconclusiveNotAGuess() throws IOException {
        StringBuilder om = new StringBuilder("# TYPE http_requests counter\n");
        for (String hash : new String[] {"5f7d8c9b6", "7c9d6f5b4"}) {
            for (int i = 0; i <= 20; i++) {
                long t = 1777975200L + i * 30L;
                long ok = hash.equals("7c9d6f5b4") ? i : i * 600L;
                om.append("http_requests_total{code=\"200\",rollouts_pod_template_hash=\"")
                        .append(hash)
                        .append("\",service=\"checkout\"} ")
                        .append(ok)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
        }
        om.append("# EOF\n");
        Finding f = judge(copyWithMetrics(om.toString()));
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertTrue(f.summary().contains("Too little canary traffic"), f.summary());
    }

    @Test
    void withoutAnyMetricsSourceTheAgentAbstainsAndSaysSo() throws IOException {
        Finding f = judge(copyWithMetrics(null));
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertTrue(f.abstains(), "a recording without metrics.om has no metrics source: " + f);
        assertEquals(BlindSpot.Kind.NOT_CONFIGURED, f.blindSpots().get(0).kind());
        assertTrue(
                f.blindSpots().get(0).detail().contains("the recording has no metrics.om"), f.blindSpots()::toString);
    }

    @Test
    void aSourceWithoutSeriesForTheCanaryIsInconclusiveNotAnAbstention() throws IOException {
        Finding f = judge(copyWithMetrics("# EOF\n"));
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertFalse(f.abstains(), f::toString);
        assertTrue(f.summary().startsWith("No metric could be compared"), f.summary());
        assertTrue(
                f.notes().stream().anyMatch(n -> n.startsWith("no request counter for the canary")),
                f.notes()::toString);
    }
}
