package dev.canarycouncil.runtime.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.SequentialTrace;
import dev.canarycouncil.runtime.schema.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingRedactorTest {

    @Test
    void aMetricsTextIsRedactedAndEverythingElseKept() {
        Instant t = Instant.parse("2026-05-05T10:00:00Z");
        SequentialTrace trace = new SequentialTrace(100, List.of(new SequentialTrace.Point(t, 3.5)));
        PromQlEvidence e = new PromQlEvidence(
                "5xx",
                Severity.CRITICAL,
                "5xx-ratio",
                "c",
                "s",
                0.2,
                0.01,
                t,
                t,
                "test with password=hunter2",
                "ratio",
                trace);
        Finding f = new Finding("metrics-agent", Decision.ROLLBACK, 90, "s", List.of(e), List.of());
        PromQlEvidence out = (PromQlEvidence)
                new FindingRedactor(new Redactor()).redact(f).evidence().get(0);
        assertFalse(out.test().contains("hunter2"), out.test());
        assertEquals(trace, out.sequential(), "the sequential trace is not lost on the way");
        assertEquals("ratio", out.unit());
    }
}
