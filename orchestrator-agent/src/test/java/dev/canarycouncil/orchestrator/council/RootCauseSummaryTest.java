package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.DurationUnit;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TimeWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootCauseSummaryTest {

    private static final AnalysisRequest REQUEST = AnalysisRequest.builder(
                    "id",
                    "shop",
                    new PodGroup("c1", null, List.of()),
                    new PodGroup("s1", null, List.of()),
                    new TimeWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(600)))
            .rollout("checkout")
            .service("checkout")
            .build();

    private static final PodConditionEvidence CRASHLOOP = new PodConditionEvidence(
            "pod c in CrashLoopBackOff", Severity.CRITICAL, "c", "canary", "app", "CrashLoopBackOff", null, 4, 2);
    private static final LogTemplateEvidence PANIC = new LogTemplateEvidence(
            "panic in canary",
            Severity.CRITICAL,
            "panic: <*>",
            "crash",
            null,
            null,
            2,
            0,
            100,
            100,
            null,
            List.of("panic: runtime error: nil map"),
            "canary");
    private static final PromQlEvidence SPIKE = new PromQlEvidence(
            "5xx ratio 25% vs 0.3%",
            Severity.CRITICAL, "5xx-ratio", "q1", "q2", 0.25, 0.003, Instant.EPOCH, Instant.EPOCH, "t");

    @Test
    void aCrashSignatureNamesTheCauseBetterThanThePodStateOrTheMetric() {
        var s = RootCauseSummary.of(
                Decision.ROLLBACK,
                REQUEST,
                List.of(
                        new Finding("metrics", Decision.ROLLBACK, 85, "", List.of(SPIKE), List.of()),
                        new Finding("logs", Decision.ROLLBACK, 90, "", List.of(CRASHLOOP, PANIC), List.of())));
        assertEquals("panic: runtime error: nil map", s.rootCause());
        assertTrue(s.remediation().startsWith("Roll back checkout to stable s1"));
    }

    @Test
    void evidenceOfAPromotingMemberIsNeverTheRootCause() {
        var s = RootCauseSummary.of(
                Decision.ROLLBACK,
                REQUEST,
                List.of(
                        new Finding("metrics", Decision.ROLLBACK, 85, "", List.of(SPIKE), List.of()),
                        new Finding("logs", Decision.PROMOTE, 60, "", List.of(PANIC), List.of())));
        assertEquals("5xx ratio 25% vs 0.3%", s.rootCause());
    }

    @Test
    void slowerRequestsInTheLogsNameTheRequestOverALatencyMetric() {
        LogLatencyEvidence slower = new LogLatencyEvidence(
                "Slower on the canary",
                Severity.ERROR,
                "10.0.0.1 - - [<*>] \"GET /api/products/ HTTP/1.1\" 200 <*>",
                DurationUnit.MILLISECONDS,
                291,
                909,
                112,
                239,
                37.5,
                80.2,
                1e-30,
                List.of(),
                "canary");
        PromQlEvidence p95 = new PromQlEvidence(
                "latency-p95 HIGH: canary 239 ms vs stable 80 ms",
                Severity.CRITICAL,
                "latency-p95",
                "q1",
                "q2",
                0.239,
                0.080,
                Instant.EPOCH,
                Instant.EPOCH,
                "t");
        var s = RootCauseSummary.of(
                Decision.ROLLBACK,
                REQUEST,
                List.of(
                        new Finding("metrics", Decision.ROLLBACK, 85, "", List.of(p95), List.of()),
                        new Finding("logs", Decision.ROLLBACK, 80, "", List.of(slower), List.of())));
        assertTrue(s.rootCause().startsWith("requests slower on the canary: "), s.rootCause());
        assertTrue(
                s.rootCause().contains("GET /api/products/")
                        && s.rootCause().endsWith("took 239 ms at p95 against 80.2 ms on the stable"),
                s.rootCause());
        assertTrue(s.remediation().contains("what makes these requests slower"), s.remediation());
    }

    @Test
    void promoteAndInconclusiveSayWhatToDo() {
        assertEquals(
                "none",
                RootCauseSummary.of(Decision.PROMOTE, REQUEST, List.of()).rootCause());
        var inconclusive = RootCauseSummary.of(Decision.INCONCLUSIVE, REQUEST, List.of());
        assertEquals("undetermined", inconclusive.rootCause());
        assertTrue(inconclusive.remediation().contains("do not promote"));
    }
}
