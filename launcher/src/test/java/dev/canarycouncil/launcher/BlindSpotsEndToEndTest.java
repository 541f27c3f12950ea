package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.Recordings;
import org.junit.jupiter.api.Test;

/**
 * What the council could not see reaches the person and the release gate: logs-only setups are
 * decided from logs and pods with a capped confidence, and logs in an unknown format are named.
 */
class BlindSpotsEndToEndTest {

    private static JsonNode analyze(String recording, int exitCode) throws Exception {
        CliRun run =
                CliRun.of("analyze", "--recording", Recordings.named(recording).toString(), "--json", "-q");
        assertEquals(exitCode, run.code(), run.err());
        return Json.mapper().readTree(run.out());
    }

    private static JsonNode finding(JsonNode verdict, String agent) {
        for (JsonNode f : verdict.path("findings")) {
            if (f.path("agent").asText().equals(agent)) {
                return f;
            }
        }
        throw new AssertionError("no finding of " + agent + " in " + verdict);
    }

    @Test
    void aHealthyCanaryWithoutAnyMetricsSourceIsPromotedWithCappedConfidence() throws Exception {
        JsonNode v = analyze("logs-only-healthy-go-checkout", ExitCodes.PROMOTE);
        assertEquals("PROMOTE", v.path("decision").asText());
        assertEquals(75, v.path("confidence").asInt(), v.path("rationale").asText());
        JsonNode metrics = finding(v, "metrics-agent");
        assertEquals(
                "NOT_CONFIGURED", metrics.path("blindSpots").get(0).path("kind").asText(), metrics.toString());
        String rationale = v.path("rationale").asText();
        assertTrue(rationale.contains("metrics-agent abstained") && rationale.contains("Not seen: metrics"), rationale);
        assertTrue(rationale.contains("capped at 75%"), rationale);
    }

    @Test
    void aBrokenCanaryWithoutAnyMetricsSourceIsRolledBackOnItsLogs() throws Exception {
        JsonNode v = analyze("logs-only-go-panic-vouchers", ExitCodes.ROLLBACK);
        assertTrue(
                v.path("rootCause").asText().contains("nil map"),
                v.path("rootCause").asText());
        assertTrue(
                v.path("rootCause").asText().contains("store.go:61"),
                v.path("rootCause").asText());
    }

    @Test
    void logsInAnUnknownFormatAreNamedAndNothingIsPromotedOnMetricsAlone() throws Exception {
        JsonNode v = analyze("inconclusive-unreadable-log-format", ExitCodes.INCONCLUSIVE);
        JsonNode logs = finding(v, "log-analyst");
        assertEquals("INCONCLUSIVE", logs.path("verdict").asText());
        JsonNode spot = logs.path("blindSpots").get(0);
        assertEquals("UNREADABLE", spot.path("kind").asText(), logs.toString());
        assertTrue(spot.path("samples").size() > 0, "shows lines it could not read: " + spot);
        boolean coverage = false;
        for (JsonNode e : logs.path("evidence")) {
            coverage |= e.path("kind").asText().equals("log-coverage")
                    && e.path("recognisedShare").asDouble() < 0.5;
        }
        assertTrue(coverage, logs.path("evidence").toString());
        assertTrue(
                v.path("rationale").asText().contains("Not seen: canary logs"),
                v.path("rationale").asText());
    }

    @Test
    void theTerminalVerdictListsWhatWasNotSeen() throws Exception {
        CliRun run = CliRun.of(
                "analyze",
                "--recording",
                Recordings.named("healthy-werkzeug-rates-logs-only").toString(),
                "-q");
        assertEquals(ExitCodes.PROMOTE, run.code(), run.err());
        assertTrue(
                run.out().contains("Not seen:\n  metrics-agent  metrics: no metrics source is configured"), run.out());
    }
}
