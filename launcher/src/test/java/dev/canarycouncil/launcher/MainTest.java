package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.Recordings;
import org.junit.jupiter.api.Test;

/** The command-line contract scripts rely on: exit codes, stdout for results, stderr for the rest. */
class MainTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String recording(String name) {
        return Recordings.named(name).toString();
    }

    @Test
    void analyzeExitsOneForARollbackAndPrintsTheVerdictJson() throws Exception {
        CliRun r = run("analyze", "--recording", recording("go-panic-index-out-of-range"), "--json");
        assertEquals(ExitCodes.ROLLBACK, r.code(), r.err());
        JsonNode verdict = Json.mapper().readTree(r.out());
        assertEquals("ROLLBACK", verdict.get("decision").asText());
        assertTrue(r.err().contains("log-analyst voted ROLLBACK"), "progress goes to stderr: " + r.err());
    }

    @Test
    void aRollbackPrintedForPeopleSaysWhatBecameOfItsIssue() {
        CliRun r = run("analyze", "--recording", recording("go-panic-index-out-of-range"), "-q");
        assertEquals(ExitCodes.ROLLBACK, r.code(), r.err());
        assertTrue(r.out().contains("Remediation issue (draft): Canary 7c9d6f5b4 of checkout panics"), r.out());
        assertTrue(r.out().contains("dry run: not filed (no GitHub repository configured)"), r.out());
    }

    @Test
    void analyzeExitsZeroForAPromoteAndPrintsEvidenceForPeople() {
        CliRun r = run("analyze", "--recording", recording("healthy-color-change"), "--quiet");
        assertEquals(ExitCodes.PROMOTE, r.code(), r.err());
        assertTrue(r.out().startsWith("PROMOTE (confidence"), r.out());
        assertTrue(r.out().contains("metrics-agent"));
        assertTrue(r.out().contains("canary: sum(increase(http_requests_total"), "evidence cites its queries");
        assertEquals("", r.err(), "--quiet prints nothing on stderr");
    }

    @Test
    void analyzeWithAnUnknownCanaryIsAUsageError() {
        CliRun r = run("analyze", "--recording", recording("healthy-color-change"), "--pod", "nope", "-q");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("no canary pod or pod-template hash named nope"), r.err());
    }

    @Test
    void badInputIsAUsageErrorWithAMessageAndNoStackTrace() {
        CliRun none = run();
        assertEquals(ExitCodes.USAGE, none.code());
        assertTrue(none.err().contains("Usage: canary-council"));

        CliRun missing = run("analyze");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("give --recording DIR"), missing.err());

        CliRun notADir = run("analyze", "--recording", "/no/such/recording");
        assertEquals(ExitCodes.USAGE, notADir.code());
        assertTrue(notADir.err().contains("invalid recording: /no/such/recording is not a directory"), notADir.err());

        CliRun unknownOption = run("analyze", "--frobnicate");
        assertEquals(ExitCodes.USAGE, unknownOption.code());
        assertTrue(unknownOption.err().contains("Unknown option: '--frobnicate'"));

        CliRun badDuration = run("analyze", "--recording", recording("healthy-color-change"), "--deadline", "soon");
        assertEquals(ExitCodes.USAGE, badDuration.code());
        assertTrue(badDuration.err().contains("'soon' is not a duration"), badDuration.err());

        CliRun badAgent = run("serve", "--agent", "wizard");
        assertEquals(ExitCodes.USAGE, badAgent.code());
        assertTrue(badAgent.err().contains("unknown agent 'wizard'"), badAgent.err());

        CliRun orphan = run("serve", "--agent", "orchestrator", "--port", "0");
        assertEquals(ExitCodes.USAGE, orphan.code());
        assertTrue(orphan.err().contains("needs its members"), orphan.err());

        for (CliRun r : new CliRun[] {none, missing, notADir, unknownOption, badDuration, badAgent, orphan}) {
            assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
        }
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = run("analyze", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Exit code: 0 promote, 1 rollback, 2 inconclusive"));
        assertEquals(0, run("--version").code());
    }
}
