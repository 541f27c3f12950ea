package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.Recordings;
import org.junit.jupiter.api.Test;

/** The terminal client, driven through its standard input and read off its standard output. */
class ChatCommandTest {

    private static final String PANIC =
            Recordings.named("go-panic-index-out-of-range").toString();

    @Test
    void aConversationStreamsTheAnalysisThenAnswersEachQuestion() {
        CliRun run = CliRun.withInput(
                "why was it rolled back?\nshow the new error templates\n\ncompare p99 latency over the "
                        + "last 5 minutes\n/history\n/quit\n",
                "chat",
                "--recording",
                PANIC);
        assertEquals(1, run.code(), "the verdict's exit code: rollback\n" + run.err());
        String out = run.out();
        assertTrue(out.contains("  · log-analyst voted ROLLBACK"), "progress streams while the agents work:\n" + out);
        int verdict = out.indexOf("ROLLBACK (confidence ");
        int firstAnswer = out.indexOf("ROLLBACK with ");
        assertTrue(verdict > 0 && firstAnswer > verdict, "the verdict, then the answer to the first question:\n" + out);
        assertTrue(out.contains("index out of range [<*>] with length <*>"), "the templates answer:\n" + out);
        assertTrue(out.contains("latency-p99") && out.contains("points)"), "the comparison answer:\n" + out);
        assertTrue(
                out.contains("1  why was it rolled back?\n2  show the new error templates\n3  compare p99 latency"),
                "/history lists the questions, blank lines skipped:\n" + out);
        assertTrue(!out.contains("  · started"), "no noise from task bookkeeping");
    }

    @Test
    void endOfInputEndsTheConversationLikeQuit() {
        CliRun run = CliRun.withInput(
                "/verdict\n",
                "chat",
                "--recording",
                Recordings.named("healthy-color-change").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("PROMOTE (confidence"), run.out());
    }

    @Test
    void itNeedsARecordingOrAnOrchestrator() {
        assertEquals(3, CliRun.withInput("", "chat").code());
        assertEquals(
                3,
                CliRun.withInput("", "chat", "--url", "http://127.0.0.1:9", "--recording", PANIC)
                        .code());
        CliRun noTarget = CliRun.withInput("", "chat", "--url", "http://127.0.0.1:9");
        assertEquals(3, noTarget.code());
        assertTrue(noTarget.err().contains("--namespace and --pod"), noTarget.err());
    }
}
