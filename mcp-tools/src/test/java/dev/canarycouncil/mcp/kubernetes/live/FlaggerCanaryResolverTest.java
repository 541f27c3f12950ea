package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.testing.MockCluster;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.runtime.tools.RolloutPods;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Flagger canary laid out in fabric8's mock API server as Flagger lays it out (its docs'
 * podinfo example): the Canary, the target Deployment {@code podinfo} and the primary
 * {@code podinfo-primary} with Flagger's rewritten {@code app} label, each with its ReplicaSets
 * and pods, plus a terminating pod of the canary's previous revision.
 */
class FlaggerCanaryResolverTest {

    private static final String NS = "test";
    private static final Instant NOW = Instant.parse("2026-12-07T10:30:00Z");
    private static MockCluster cluster;
    private static KubernetesClusterBackend backend;

    @BeforeAll
    static void start() {
        cluster = new MockCluster();
        for (String ns : List.of(NS, "other")) {
            cluster.create(new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(ns)
                    .endMetadata()
                    .build());
        }
        canary(NS, "podinfo", "Deployment", "podinfo");
        canary(NS, "nightly", "DaemonSet", "nightly");
        canary(NS, "uninitialised", "Deployment", "uninitialised");
        deployment(NS, "uninitialised", "uninitialised");
        replicaSet(NS, "uninitialised", "uninitialised", "1a2b3c", 1, "2026-12-07T10:00:00Z");

        deployment(NS, "podinfo", "podinfo");
        deployment(NS, "podinfo-primary", "podinfo-primary");
        replicaSet(NS, "podinfo", "podinfo", "5f7d8c9b6", 1, "2026-12-01T09:00:00Z");
        replicaSet(NS, "podinfo", "podinfo", "6b4c9d7f8", 2, "2026-12-07T10:05:00Z");
        replicaSet(NS, "podinfo-primary", "podinfo-primary", "7d9f6c5b4", 1, "2026-12-01T09:10:00Z");
        pod(NS, "podinfo-5f7d8c9b6-old11", "podinfo", "5f7d8c9b6", "2026-12-07T10:04:00Z");
        pod(NS, "podinfo-6b4c9d7f8-x2k4p", "podinfo", "6b4c9d7f8", "2026-12-07T10:12:00Z");
        pod(NS, "podinfo-6b4c9d7f8-q8z7w", "podinfo", "6b4c9d7f8", "2026-12-07T10:10:00Z");
        pod(NS, "podinfo-primary-7d9f6c5b4-a1b2c", "podinfo-primary", "7d9f6c5b4", "2026-12-01T09:11:00Z");
        pod(NS, "podinfo-primary-7d9f6c5b4-d3e4f", "podinfo-primary", "7d9f6c5b4", "2026-12-01T09:11:00Z");

        ClusterConnection connection =
                ClusterConnection.apiServer(URI.create(cluster.apiUrl()), "mock-token", Set.of(NS));
        backend = KubernetesClusterBackend.connect(
                connection,
                new KubernetesClientFactory(),
                new WindowPolicy(Clock.fixed(NOW, ZoneOffset.UTC), WindowPolicy.DEFAULT_MAX_LENGTH));
    }

    @AfterAll
    static void stop() {
        backend.close();
        cluster.close();
    }

    @Test
    void theCanaryIsTheTargetsNewestRevisionAndTheStableItsPrimary() {
        RolloutPods pods = backend.resolveFlaggerCanary(NS, "podinfo");

        assertEquals("podinfo", pods.rollout());
        assertEquals("6b4c9d7f8", pods.canary().podTemplateHash());
        assertEquals("app=podinfo,pod-template-hash=6b4c9d7f8", pods.canary().selector());
        assertEquals(
                List.of("podinfo-6b4c9d7f8-q8z7w", "podinfo-6b4c9d7f8-x2k4p"),
                pods.canary().pods(),
                "the previous revision's pod is not the canary");
        assertEquals("7d9f6c5b4", pods.stable().podTemplateHash());
        assertEquals(
                "app=podinfo-primary,pod-template-hash=7d9f6c5b4", pods.stable().selector());
        assertEquals(
                List.of("podinfo-primary-7d9f6c5b4-a1b2c", "podinfo-primary-7d9f6c5b4-d3e4f"),
                pods.stable().pods());
        assertEquals("podinfo", pods.service(), "from the canary pods' app label");
        assertEquals(
                Instant.parse("2026-12-07T10:10:00Z"),
                pods.window().start(),
                "Flagger scaled the canary up when its first pod was created, after its ReplicaSet");
        assertEquals(NOW, pods.window().end());
    }

    @Test
    void anUnknownCanaryIsNotFound() {
        ToolException e = assertThrows(ToolException.class, () -> backend.resolveFlaggerCanary(NS, "checkout"));
        assertEquals(ToolException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("Flagger canary checkout not found in namespace test"), e.getMessage());
    }

    @Test
    void aCanaryFlaggerHasNotInitialisedHasNoPrimary() {
        ToolException e = assertThrows(ToolException.class, () -> backend.resolveFlaggerCanary(NS, "uninitialised"));
        assertEquals(ToolException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("deployment uninitialised-primary"), e.getMessage());
        assertTrue(e.getMessage().contains("initialises"), e.getMessage());
    }

    @Test
    void onlyDeploymentTargetsAreJudged() {
        ToolException e = assertThrows(ToolException.class, () -> backend.resolveFlaggerCanary(NS, "nightly"));
        assertEquals(ToolException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("targets DaemonSet nightly"), e.getMessage());
    }

    @Test
    void aNamespaceOutsideTheAllowListIsRefusedBeforeAnyRead() {
        ToolException e = assertThrows(ToolException.class, () -> backend.resolveFlaggerCanary("other", "podinfo"));
        assertTrue(e.getMessage().contains("other"), e.getMessage());
    }

    @Test
    void aNameThatIsNoKubernetesNameIsRefused() {
        ToolException e = assertThrows(ToolException.class, () -> backend.resolveFlaggerCanary(NS, "../podinfo"));
        assertEquals(ToolException.Kind.INVALID_ARGUMENT, e.kind());
    }

    private static void canary(String ns, String name, String kind, String target) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("targetRef", Map.of("apiVersion", "apps/v1", "kind", kind, "name", target));
        spec.put("service", Map.of("port", 9898));
        spec.put("analysis", Map.of("interval", "1m", "threshold", 5, "maxWeight", 50, "stepWeight", 10));
        GenericKubernetesResource canary = new GenericKubernetesResourceBuilder()
                .withApiVersion("flagger.app/v1beta1")
                .withKind("Canary")
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
        cluster.adminClient()
                .genericKubernetesResources(FlaggerCanaryResolver.CANARIES)
                .inNamespace(ns)
                .resource(canary)
                .create();
    }

    private static void deployment(String ns, String name, String app) {
        cluster.create(new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", app)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", app)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("podinfod")
                .withImage("ghcr.io/stefanprodan/podinfo:6.0.1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build());
    }

    private static void replicaSet(
            String ns, String deployment, String app, String hash, int revision, String created) {
        cluster.create(new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(deployment + "-" + hash)
                .withNamespace(ns)
                .withCreationTimestamp(created)
                .addToLabels("app", app)
                .addToLabels(FlaggerCanaryResolver.HASH_LABEL, hash)
                .addToAnnotations("deployment.kubernetes.io/revision", Integer.toString(revision))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName(deployment)
                        .withController(true)
                        .build())
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", app)
                .addToMatchLabels(FlaggerCanaryResolver.HASH_LABEL, hash)
                .endSelector()
                .endSpec()
                .build());
    }

    private static void pod(String ns, String name, String app, String hash, String created) {
        cluster.create(new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .withCreationTimestamp(created)
                .addToLabels("app", app)
                .addToLabels(FlaggerCanaryResolver.HASH_LABEL, hash)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("podinfod")
                .withImage("ghcr.io/stefanprodan/podinfo:6.0.1")
                .endContainer()
                .endSpec()
                .build());
    }
}
