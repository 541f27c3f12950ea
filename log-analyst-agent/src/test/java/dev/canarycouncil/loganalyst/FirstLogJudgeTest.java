package dev.canarycouncil.loganalyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.PodInfo;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import org.junit.jupiter.api.Test;

class FirstLogJudgeTest {

    private final FirstLogJudge judge = new FirstLogJudge("log-analyst");

    private static String lines(String line, int n) {
        return (line + "\n").repeat(n);
    }

    private static SideEvidence side(String side, String logs, PodInfo... pods) {
        return new SideEvidence(side, List.of(pods), List.of(new ContainerLog(side + "-pod", "app", false, logs, (int) logs.lines().count(), false)), List.of());
    }

    private static PodInfo running(String name) {
        return new PodInfo(name, "shop", Map.of(), "Running", true, null, List.of(new ContainerInfo("app", null, true, 0, "running", null, null, null, null, null, null)));
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
        PodInfo oom = new PodInfo("c", "shop", Map.of(), "Running", false, null, List.of(new ContainerInfo("app", null, false, 3,
                "waiting", "CrashLoopBackOff", "back-off", null, "OOMKilled", 137, null)));
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
