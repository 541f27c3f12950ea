package dev.canarycouncil.evals.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentTrackRecordTest {

    private static CaseResult judged(Expectation e, Decision council, Finding... findings) {
        Verdict v = Verdict.builder()
                .analysisId("id")
                .decision(council)
                .confidence(90)
                .rationale("r")
                .rootCause("c")
                .remediation("m")
                .findings(List.of(findings))
                .decidedAt(Instant.EPOCH)
                .durationMs(1)
                .build();
        return new CaseResult("case", e, council, 90, false, 1, 0, Map.of(), Map.of(), null, v);
    }

    private static Finding vote(String agent, Decision d) {
        return new Finding(agent, d, 80, "", List.of(), List.of());
    }

    @Test
    void eachMembersVotesAreScoredPerClassWithTheirPrecision() {
        Expectation leak = new Expectation(Decision.ROLLBACK, "memory-leak", "leak", List.of("memory"));
        Expectation panic = new Expectation(Decision.ROLLBACK, "go-panic", "panic", List.of("panic"));
        Expectation healthy = new Expectation(Decision.PROMOTE, "healthy", "none", List.of());
        Map<String, AgentTrackRecord> r = AgentTrackRecord.of(List.of(
                judged(leak, Decision.ROLLBACK, vote("logs", Decision.PROMOTE), vote("metrics", Decision.ROLLBACK)),
                judged(panic, Decision.ROLLBACK, vote("logs", Decision.ROLLBACK), vote("metrics", Decision.ROLLBACK)),
                judged(healthy, Decision.PROMOTE, vote("logs", Decision.PROMOTE), vote("metrics", Decision.PROMOTE))));
        AgentTrackRecord logs = r.get("logs");
        assertEquals(3, logs.overall().votes());
        assertEquals(2 / 3.0, logs.overall().accuracy(), 1e-9);
        assertEquals(1, logs.overall().falsePromotes(), "it promoted the leak: logs cannot see memory");
        assertEquals(0.0, logs.byClass().get("memory-leak").accuracy(), 1e-9);
        assertEquals(0.5, logs.promotePrecision(), 1e-9, "one of its two PROMOTE votes was on a healthy canary");
        assertEquals(1.0, logs.rollbackPrecision(), 1e-9);
        assertEquals(1.0, r.get("metrics").overall().accuracy(), 1e-9);
        assertTrue(r.keySet().containsAll(List.of("logs", "metrics")));
    }
}
