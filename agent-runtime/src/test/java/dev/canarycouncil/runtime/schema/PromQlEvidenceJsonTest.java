package dev.canarycouncil.runtime.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.canarycouncil.runtime.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A metric's sequential trace survives the trip between agents; evidence without one stays as it was. */
class PromQlEvidenceJsonTest {

    private static final Instant T = Instant.parse("2026-05-05T10:00:00Z");

    @Test
    void theTraceTravelsWithTheEvidence() throws Exception {
        SequentialTrace trace = new SequentialTrace(
                100,
                List.of(
                        new SequentialTrace.Point(T.plusSeconds(60), 0.8),
                        new SequentialTrace.Point(T.plusSeconds(120), 240)));
        Evidence e = new PromQlEvidence(
                "5xx",
                Severity.CRITICAL,
                "5xx-ratio",
                "c",
                "s",
                0.2,
                0.01,
                T,
                T.plusSeconds(600),
                "sequential …",
                "ratio",
                trace);
        Evidence back = Json.mapper().readValue(Json.mapper().writeValueAsString(e), Evidence.class);
        assertEquals(e, back);
        String plain = Json.mapper()
                .writeValueAsString(new PromQlEvidence(
                        "p50", Severity.INFO, "latency-p50", "c", "s", 0.02, 0.02, T, T, "Mann-Whitney", "s"));
        assertFalse(plain.contains("sequential"), plain);
    }
}
