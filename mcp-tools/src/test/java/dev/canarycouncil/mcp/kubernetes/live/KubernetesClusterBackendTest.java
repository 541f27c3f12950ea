package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.kubernetes.RolloutInfo;
import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import dev.canarycouncil.runtime.tools.RolloutPods;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live backend's own decisions, over the OOM crash-loop recording in the mock cluster. */
class KubernetesClusterBackendTest {

    private static final String NS = "shop";
    private static final String CANARY = "7c9d6f5b4";
    private static final String STABLE = "5f7d8c9b6";
    private static final String CANARY_POD = "reports-7c9d6f5b4-hvvkr";
    private static final ResourceDefinitionContext ROLLOUTS = RolloutView.CONTEXT;

    private RecordingInMockCluster cluster;
    private KubernetesClusterBackend backend;

    @BeforeEach
    void start() {
        cluster = RecordingInMockCluster.start(Recordings.named("oom-crashloop-report-cache"));
        backend = cluster.backend();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void listsPodsBySelectorSortedByName() {
        List<PodInfo> stable = backend.listPods(NS, "app=reports,rollouts-pod-template-hash=" + STABLE);
        assertEquals(
                List.of("reports-5f7d8c9b6-42c4c", "reports-5f7d8c9b6-fvj75", "reports-5f7d8c9b6-v4wg6"),
                stable.stream().map(PodInfo::name).toList());
        assertEquals(
                List.of(CANARY_POD),
                backend.listPods(NS, "rollouts-pod-template-hash in (" + CANARY + ")").stream()
                        .map(PodInfo::name)
                        .toList());
        ToolException bad = assertThrows(ToolException.class, () -> backend.listPods(NS, "app in (a"));
        assertEquals(Kind.INVALID_ARGUMENT, bad.kind());
    }

    @Test
    void reportsCrashLoopAndOomKillFromContainerStatus() {
        PodInfo pod = backend.pod(NS, CANARY_POD);
        assertEquals("Running", pod.phase());
        assertEquals(false, pod.ready());
        assertEquals(Instant.parse("2026-05-05T10:00:04Z"), pod.startTime());
        ContainerInfo app = pod.containers().get(0);
        assertEquals("waiting", app.state());
        assertEquals("CrashLoopBackOff", app.reason());
        assertEquals("OOMKilled", app.lastTerminationReason());
        assertEquals(137, app.lastExitCode());
        assertEquals(4, app.restartCount());
        assertEquals(Instant.parse("2026-05-05T10:07:49Z"), app.lastTerminatedAt());
    }

    @Test
    void listsEventsOfOneObjectOldestFirst() {
        List<EventInfo> events = backend.events(NS, CANARY_POD);
        assertEquals(
                List.of("Scheduled", "Pulled", "Started", "BackOff"),
                events.stream().map(EventInfo::reason).toList());
        assertTrue(events.stream().allMatch(e -> e.involvedName().equals(CANARY_POD)));
        assertEquals(
                List.of("RolloutUpdated", "SetWeight"),
                backend.events(NS, "reports").stream().map(EventInfo::reason).toList());
    }

    @Test
    void readsRolloutStatus() {
        assertEquals(
                new RolloutInfo("reports", NS, "Paused", 1, 20, STABLE, CANARY, "CanaryPauseStep", false),
                backend.rollout(NS, "reports"));
    }

    @Test
    void resolvesAHashAndAPodNameToTheSameSides() {
        RolloutPods byHash = backend.resolve(NS, CANARY, null);
        assertEquals("reports", byHash.rollout());
        assertEquals("reports", byHash.service());
        assertEquals(
                "app=reports,rollouts-pod-template-hash=" + CANARY,
                byHash.canary().selector());
        assertEquals(List.of(CANARY_POD), byHash.canary().pods());
        assertEquals(STABLE, byHash.stable().podTemplateHash());
        assertEquals(3, byHash.stable().pods().size());
        // From the canary ReplicaSet's creation to the recording's "now".
        assertEquals(
                new TimeWindow(Instant.parse("2026-05-05T10:00:00Z"), Instant.parse("2026-05-05T10:10:00Z")),
                byHash.window());
        assertEquals(byHash, backend.resolve(NS, CANARY_POD, null));
        assertEquals(byHash, backend.resolve(NS, CANARY_POD, "reports"));
    }

    @Test
    void capsTheWindowOfALongPausedCanary() {
        Instant now = Instant.parse("2026-05-05T13:00:00Z");
        WindowPolicy policy = new WindowPolicy(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(30));
        try (KubernetesClusterBackend late =
                KubernetesClusterBackend.connect(cluster.connection(), new KubernetesClientFactory(), policy)) {
            assertEquals(
                    new TimeWindow(now.minus(Duration.ofMinutes(30)), now),
                    late.resolve(NS, CANARY, null).window());
        }
    }

    @Test
    void resolvesAHashWhoseCanaryPodsAreGoneThroughTheRolloutStatus() {
        cluster.adminClient().pods().inNamespace(NS).withName(CANARY_POD).delete();
        RolloutPods resolved = backend.resolve(NS, CANARY, null);
        assertEquals("reports", resolved.rollout());
        assertEquals(List.of(), resolved.canary().pods());
        assertEquals(Instant.parse("2026-05-05T10:00:00Z"), resolved.window().start());
    }

    @Test
    void takesTheServiceFromTheAnnotationWhenTheRolloutHasOne() {
        cluster.adminClient()
                .genericKubernetesResources(ROLLOUTS)
                .inNamespace(NS)
                .withName("reports")
                .edit(r -> {
                    r.getMetadata().setAnnotations(Map.of(ServiceNames.ANNOTATION, "reports-api"));
                    return r;
                });
        assertEquals("reports-api", backend.resolve(NS, CANARY, null).service());
    }

    @Test
    void refusesPodsOutsideAnArgoRollout() {
        cluster.addPod(new PodInfo("loner", NS, Map.of("app", "loner"), "Running", true, null, List.of()), null);
        ToolException noHash = assertThrows(ToolException.class, () -> backend.resolve(NS, "loner", null));
        assertEquals(Kind.INVALID_ARGUMENT, noHash.kind());
        assertTrue(noHash.getMessage().contains("not managed by an Argo Rollout"), noHash.getMessage());

        cluster.adminClient()
                .apps()
                .replicaSets()
                .inNamespace(NS)
                .resource(new ReplicaSetBuilder()
                        .withNewMetadata()
                        .withName("batch-66f9d")
                        .withNamespace(NS)
                        .addNewOwnerReference()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName("batch")
                        .withUid("d-1")
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .build())
                .create();
        var rs = cluster.adminClient()
                .apps()
                .replicaSets()
                .inNamespace(NS)
                .withName("batch-66f9d")
                .get();
        cluster.adminClient()
                .pods()
                .inNamespace(NS)
                .resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                        .withNewMetadata()
                        .withName("batch-66f9d-abcde")
                        .withNamespace(NS)
                        .addToLabels("rollouts-pod-template-hash", "66f9d")
                        .addNewOwnerReference()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName("batch-66f9d")
                        .withUid(rs.getMetadata().getUid())
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .build())
                .create();
        ToolException deployment =
                assertThrows(ToolException.class, () -> backend.resolve(NS, "batch-66f9d-abcde", null));
        assertEquals(Kind.INVALID_ARGUMENT, deployment.kind());
        assertEquals(
                "pod batch-66f9d-abcde belongs to ReplicaSet batch-66f9d, which is not managed by an Argo Rollout"
                        + " (owner: Deployment/batch)",
                deployment.getMessage());
    }

    @Test
    void refusesAnOldRevisionThatIsNeitherCanaryNorStable() {
        cluster.addPod(
                new PodInfo(
                        "reports-4a4a4a4a4-old01",
                        NS,
                        Map.of("app", "reports", "rollouts-pod-template-hash", "4a4a4a4a4"),
                        "Running",
                        true,
                        null,
                        List.of()),
                null);
        ToolException e = assertThrows(ToolException.class, () -> backend.resolve(NS, "4a4a4a4a4", "reports"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals(
                "no canary pod or pod-template hash named 4a4a4a4a4 in namespace shop (canary hash of reports is "
                        + CANARY + ")",
                e.getMessage());
    }
}
