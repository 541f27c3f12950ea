package dev.canarycouncil.loganalyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import org.junit.jupiter.api.Test;

class FirstLogJudgeTest {

    private final FirstLogJudge judge = new FirstLogJudge("log-analyst");

    private static String lines(String line, int n) {
        return (line + "\n").repeat(n);
    }

    private static SideEvidence side(String side, String logs, PodState... pods) {
        return new SideEvidence(side, List.of(pods), List.of(new LogText(side + "-pod", "app", false, logs, false)), List.of());
    }

    private static PodState running(String name) {
        return new PodState(name, "Running", true, List.of(new ContainerState("app", true, 0, "running", null, null, null, null, null)));
    }

    @Test
    void aCrashOnlyTheCanaryHasIsARollback() {
        String normal = lines("level=info msg=served", 100);
        Finding f = judge.judge(new CollectedLogs(
                side("canary", normal + "panic: runtime error: index out of range [3] with length 3\n", running("c")),
                side("stable", normal, running("s")), List.of()));
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertTrue(f.confidence() >= 80);
        assertTrue(f.evidence().get(0).description().contains("index out of range"));
    }

    @Test
    void aCrashBothSidesHaveIsNotTheCanarysFault() {
        String logs = lines("level=info msg=served", 100) + "panic: runtime error: nil map\n";
        Finding f = judge.judge(new CollectedLogs(side("canary", logs, running("c")), side("stable", logs, running("s")), List.of()));
        assertEquals(Decision.PROMOTE, f.verdict());
    }

    @Test
    void anOomKilledCanaryIsARollbackEvenWithQuietLogs() {
        PodState oom = new PodState("c", "Running", false, List.of(new ContainerState("app", false, 3, "waiting",
                "CrashLoopBackOff", "back-off", null, "OOMKilled", 137)));
        Finding f = judge.judge(new CollectedLogs(side("canary", lines("ok", 60), oom), side("stable", lines("ok", 60), running("s")),
                List.of()));
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertEquals("OOMKilled", ((PodConditionEvidence) f.evidence().get(0)).condition());
    }

    @Test
    void anErrorSurgeIsARollbackButRuntimeErrorInAMessageIsNotAnErrorLevel() {
        String canary = lines("level=info msg=ok", 80) + lines("level=error msg=\"charge failed\"", 20);
        Finding surge = judge.judge(new CollectedLogs(side("canary", canary, running("c")),
                side("stable", lines("level=info msg=ok", 100), running("s")), List.of()));
        assertEquals(Decision.ROLLBACK, surge.verdict());

        String benign = lines("level=info msg=\"recovered from runtime error in retry\"", 100);
        Finding quiet = judge.judge(new CollectedLogs(side("canary", benign, running("c")),
                side("stable", benign, running("s")), List.of()));
        assertEquals(Decision.PROMOTE, quiet.verdict());
        assertTrue(quiet.evidence().isEmpty(), quiet.evidence()::toString);
    }

    @Test
    void nothingToReadIsInconclusive() {
        Finding f = judge.judge(new CollectedLogs(new SideEvidence("canary", List.of(), List.of(), List.of()),
                side("stable", lines("ok", 10), running("s")), List.of("get_pod_logs failed")));
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertEquals(0, f.confidence());
        assertTrue(f.notes().contains("get_pod_logs failed"));
    }
}
