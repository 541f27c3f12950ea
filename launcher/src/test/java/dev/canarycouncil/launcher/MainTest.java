package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.Recordings;
import org.junit.jupiter.api.Test;

/** The command-line contract scripts rely on: exit codes, stdout for results, stderr for the rest. */
class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String recording(String name) {
        return Recordings.named(name).toString();
    }

    @Test
    void analyzeExitsOneForARollbackAndPrintsTheVerdictJson() throws Exception {
        Run r = run("analyze", "--recording", recording("go-panic-index-out-of-range"), "--json");
        assertEquals(ExitCodes.ROLLBACK, r.code(), r.err());
        JsonNode verdict = Json.mapper().readTree(r.out());
        assertEquals("ROLLBACK", verdict.get("decision").asText());
        assertTrue(r.err().contains("log-analyst voted ROLLBACK"), "progress goes to stderr: " + r.err());
    }

    @Test
    void analyzeExitsZeroForAPromoteAndPrintsEvidenceForPeople() {
        Run r = run("analyze", "--recording", recording("healthy-color-change"), "--quiet");
        assertEquals(ExitCodes.PROMOTE, r.code(), r.err());
        assertTrue(r.out().startsWith("PROMOTE (confidence"), r.out());
        assertTrue(r.out().contains("metrics-agent"));
        assertTrue(r.out().contains("canary: sum(increase(http_requests_total"), "evidence cites its queries");
        assertEquals("", r.err(), "--quiet prints nothing on stderr");
    }

    @Test
    void analyzeWithAnUnknownCanaryIsAUsageError() {
        Run r = run("analyze", "--recording", recording("healthy-color-change"), "--pod", "nope", "-q");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("no canary pod or pod-template hash named nope"), r.err());
    }

    @Test
    void badInputIsAUsageErrorWithAMessageAndNoStackTrace() {
        Run none = run();
        assertEquals(ExitCodes.USAGE, none.code());
        assertTrue(none.err().contains("Usage: canary-council"));

        Run missing = run("analyze");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("give --recording DIR"), missing.err());

        Run notADir = run("analyze", "--recording", "/no/such/recording");
        assertEquals(ExitCodes.USAGE, notADir.code());
        assertTrue(notADir.err().contains("invalid recording: /no/such/recording is not a directory"), notADir.err());

        Run unknownOption = run("analyze", "--frobnicate");
        assertEquals(ExitCodes.USAGE, unknownOption.code());
        assertTrue(unknownOption.err().contains("Unknown option: '--frobnicate'"));

        Run badDuration = run("analyze", "--recording", recording("healthy-color-change"), "--deadline", "soon");
        assertEquals(ExitCodes.USAGE, badDuration.code());
        assertTrue(badDuration.err().contains("'soon' is not a duration"), badDuration.err());

        Run badAgent = run("serve", "--agent", "wizard");
        assertEquals(ExitCodes.USAGE, badAgent.code());
        assertTrue(badAgent.err().contains("unknown agent 'wizard'"), badAgent.err());

        Run orphan = run("serve", "--agent", "orchestrator", "--port", "0");
        assertEquals(ExitCodes.USAGE, orphan.code());
        assertTrue(orphan.err().contains("needs its members"), orphan.err());

        for (Run r : new Run[]{none, missing, notADir, unknownOption, badDuration, badAgent, orphan}) {
            assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
        }
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run("analyze", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Exit code: 0 promote, 1 rollback, 2 inconclusive"));
        assertEquals(0, run("--version").code());
    }
}
