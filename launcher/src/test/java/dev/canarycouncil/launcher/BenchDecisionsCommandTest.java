package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchDecisionsCommandTest {

    private static final Pattern LINE = Pattern.compile("(?m)^look=(\\d+)s rule=(\\S+) false_alarm=([\\d.]+) "
            + "false_promote=([\\d.]+) rollback_p50_s=(\\S+) requests_before_rollback_p50=(\\S+) promote_p50_s=(\\S+) "
            + "correct_p50_s=(\\S+)$");

    @Test
    void everyJudgeGetsALinePerLookIntervalAndTheFixedWindowWaitsForItsEnd() {
        CliRun run = CliRun.of("bench", "decisions", "--rollouts", "20", "--window-minutes", "30");
        assertEquals(ExitCodes.PROMOTE, run.code(), run.err());
        Matcher m = LINE.matcher(run.out());
        int lines = 0;
        while (m.find()) {
            lines++;
            if (m.group(2).equals("fixed-window")) {
                assertEquals("1800", m.group(5), "it decides once, at the window's end: " + m.group());
            }
            if (m.group(2).equals("sequential")) {
                assertTrue(Long.parseLong(m.group(8)) < 1800, "it decides before the window ends: " + m.group());
            }
        }
        assertEquals(8, lines, "4 judges at 2 look intervals:\n" + run.out());
        for (String rule : List.of("sequential", "fixed-window", "fixed-test-every-look", "argo-success-rate")) {
            assertTrue(run.out().contains("rule=" + rule), rule);
        }
        assertTrue(run.err().contains("12/12"), "progress per case: " + run.err());
        assertTrue(run.out().contains("simulated 240 rollouts, "), run.out());

        // Then p95 latency: the same figures per judge, the fixed window again deciding at its end.
        Matcher latency = Pattern.compile("(?m)^latency look=(\\d+)s rule=(\\S+) false_alarm=([\\d.]+) "
                        + "false_promote=([\\d.]+) rollback_p50_s=(\\S+) ")
                .matcher(run.out());
        int latencyLines = 0;
        while (latency.find()) {
            latencyLines++;
            if (latency.group(2).equals("fixed-window")) {
                assertEquals("1800", latency.group(5), latency.group());
            }
            if (latency.group(2).equals("sequential")) {
                assertEquals("0.000", latency.group(4), "a canary 1.6 to 3 times slower is caught: " + latency.group());
            }
        }
        assertEquals(8, latencyLines, run.out());
        assertTrue(run.out().contains("rule=argo-p95-ratio"), run.out());
        assertTrue(run.err().contains("latency 12/12"), run.err());
        assertTrue(
                run.out().lines().reduce((a, b) -> b).orElse("").startsWith("simulated 240 latency rollouts"),
                run.out());
    }

    @Test
    void badSettingsAreUsageErrors() {
        CliRun run = CliRun.of("bench", "decisions", "--alpha", "2");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("--alpha must be in (0, 1), was 2.0"), run.err());
    }
}
