package dev.canarycouncil.loganalyst.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodConditionsTest {

    private static PodInfo pod(String name, String phase, ContainerInfo c) {
        return new PodInfo(name, "shop", Map.of(), phase, c.ready(), Instant.EPOCH, List.of(c));
    }

    private static ContainerInfo running(int restarts) {
        return new ContainerInfo("app", "img", true, restarts, "running", null, null, null, null, null, null);
    }

    private static EventInfo event(String pod, String reason, String message, int count) {
        return new EventInfo("Warning", reason, message, "Pod", pod, count, Instant.EPOCH, Instant.EPOCH);
    }

    private static List<String> conditions(List<PodConditionEvidence> e) {
        return e.stream().map(PodConditionEvidence::condition).toList();
    }

    @Test
    void anOomKilledCrashLoopingCanaryIsCritical() {
        ContainerInfo oom = new ContainerInfo(
                "app",
                "img",
                false,
                4,
                "waiting",
                "CrashLoopBackOff",
                "back-off",
                null,
                "OOMKilled",
                137,
                Instant.EPOCH);
        List<PodConditionEvidence> e = PodConditions.compare(
                List.of(pod("c", "Running", oom)), List.of(), List.of(pod("s", "Running", running(0))), List.of());
        assertEquals(List.of("OOMKilled", "CrashLoopBackOff"), conditions(e));
        assertTrue(e.stream().allMatch(x -> x.severity() == Severity.CRITICAL));
    }

    @Test
    void imagePullFailuresAndFailingProbesComeFromEvents() {
        List<PodConditionEvidence> e = PodConditions.compare(
                List.of(pod("c", "Pending", running(0))),
                List.of(
                        event("c", "Failed", "Failed to pull image \"x:2\": not found", 3),
                        event("c", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", 5),
                        event("c", "Unhealthy", "Liveness probe failed: timeout", 1)),
                List.of(pod("s", "Running", running(0))),
                List.of());
        assertEquals(
                List.of("Pending", "ImagePullFailed", "ReadinessProbeFailed"),
                conditions(e),
                "a single failed liveness probe is noise");
    }

    @Test
    void restartsCountOnlyBeyondTheStables() {
        assertTrue(PodConditions.compare(
                        List.of(pod("c", "Running", running(2))),
                        List.of(),
                        List.of(pod("s", "Running", running(1))),
                        List.of())
                .isEmpty());
        List<PodConditionEvidence> e = PodConditions.compare(
                List.of(pod("c", "Running", running(5))),
                List.of(),
                List.of(pod("s", "Running", running(1))),
                List.of());
        assertEquals(List.of("Restarts"), conditions(e));
        assertEquals(Severity.ERROR, e.get(0).severity());
    }

    @Test
    void aConditionTheStableSharesIsOnlyAWarning() {
        List<PodConditionEvidence> e = PodConditions.compare(
                List.of(pod("c", "Running", running(0))),
                List.of(event("c", "Unhealthy", "Readiness probe failed: timeout", 4)),
                List.of(pod("s", "Running", running(0))),
                List.of(event("s", "Unhealthy", "Readiness probe failed: timeout", 9)));
        assertEquals(Severity.WARNING, e.get(0).severity());
        assertTrue(e.get(0).description().endsWith("(the stable pods show it too)"));
    }
}
