package dev.canarycouncil.mcp.testing;

import dev.canarycouncil.mcp.kubernetes.live.KubernetesClusterBackend;
import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes objects an Argo Rollout leaves behind, built from a recording: the Rollout with
 * its status, one ReplicaSet per side owned by it, pods owned by their ReplicaSet with container
 * statuses, and events. Only what the live backend reads is filled in.
 */
public final class RecordingObjects {

    public static final String HASH_LABEL = "rollouts-pod-template-hash";
    public static final String SERVICE_ANNOTATION = KubernetesClusterBackend.SERVICE_ANNOTATION;

    private RecordingObjects() {}

    public static Namespace namespace(String name) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build();
    }

    /**
     * The rollout's own labels: the {@code k=v} terms of the canary selector other than the hash,
     * e.g. {@code app=checkout} from {@code app=checkout,rollouts-pod-template-hash=7c9d6f5b4}.
     */
    public static Map<String, String> matchLabels(RolloutManifest m) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String term : m.canary().selector().split(",")) {
            String[] kv = term.trim().split("==?", 2);
            if (kv.length != 2 || kv[0].endsWith("!")) {
                throw new IllegalArgumentException(
                        "the mock cluster supports selectors of k=v terms only, not '" + term + "'");
            }
            if (!kv[0].trim().equals(HASH_LABEL)) {
                labels.put(kv[0].trim(), kv[1].trim());
            }
        }
        return labels;
    }

    /**
     * @param serviceFromLabels the service name the pods' labels give; when the recording names
     *                          another, the rollout carries it in {@value #SERVICE_ANNOTATION}
     */
    public static GenericKubernetesResource rollout(RolloutManifest m, String serviceFromLabels) {
        Map<String, Object> selector = Map.of("matchLabels", matchLabels(m));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", selector);
        spec.put("template", Map.of("metadata", Map.of("labels", matchLabels(m))));
        Map<String, Object> status = new LinkedHashMap<>();
        RolloutManifest.Status s = m.status();
        status.put("phase", s == null || s.phase() == null ? "Paused" : s.phase());
        status.put("stableRS", m.stable().podTemplateHash());
        status.put("currentPodHash", m.canary().podTemplateHash());
        if (s != null && s.currentStep() != null) {
            status.put("currentStepIndex", s.currentStep());
        }
        if (s != null && s.message() != null) {
            status.put("message", s.message());
        }
        if (s != null && s.canaryWeight() != null) {
            List<Object> steps = new ArrayList<>();
            steps.add(Map.of("setWeight", s.canaryWeight()));
            steps.add(Map.of("pause", Map.of()));
            spec.put("strategy", Map.of("canary", Map.of("steps", steps)));
            status.put(
                    "canary",
                    Map.of(
                            "weights",
                            Map.of(
                                    "canary",
                                            Map.of(
                                                    "weight",
                                                    s.canaryWeight(),
                                                    "podTemplateHash",
                                                    m.canary().podTemplateHash()),
                                    "stable",
                                            Map.of(
                                                    "weight",
                                                    100 - s.canaryWeight(),
                                                    "podTemplateHash",
                                                    m.stable().podTemplateHash()))));
        }
        GenericKubernetesResourceBuilder b = new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Rollout")
                .withNewMetadata()
                .withName(m.rollout())
                .withNamespace(m.namespace())
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .addToAdditionalProperties("status", status);
        GenericKubernetesResource rollout = b.build();
        if (!m.service().equals(serviceFromLabels)) {
            rollout.getMetadata().setAnnotations(Map.of(SERVICE_ANNOTATION, m.service()));
        }
        return rollout;
    }

    public static String replicaSetName(RolloutManifest m, String hash) {
        return m.rollout() + "-" + hash;
    }

    public static ReplicaSet replicaSet(RolloutManifest m, String hash, String rolloutUid) {
        Map<String, String> labels = new LinkedHashMap<>(matchLabels(m));
        labels.put(HASH_LABEL, hash);
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(replicaSetName(m, hash))
                .withNamespace(m.namespace())
                .withLabels(labels)
                .withOwnerReferences(owner("argoproj.io/v1alpha1", "Rollout", m.rollout(), rolloutUid))
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .endSpec()
                .build();
    }

    /** @param owner the pod's ReplicaSet as created (with its uid), or null for a pod without one */
    public static Pod pod(PodInfo p, String namespace, ReplicaSet owner) {
        List<Container> containers = new ArrayList<>();
        List<ContainerStatus> statuses = new ArrayList<>();
        for (ContainerInfo c : p.containers()) {
            containers.add(new ContainerBuilder()
                    .withName(c.name())
                    .withImage(c.image())
                    .build());
            statuses.add(status(c));
        }
        PodBuilder b = new PodBuilder()
                .withNewMetadata()
                .withName(p.name())
                .withNamespace(namespace)
                .withLabels(p.labels())
                .endMetadata()
                .withNewSpec()
                .withContainers(containers)
                .endSpec()
                .withNewStatus()
                .withPhase(p.phase())
                .withStartTime(time(p.startTime()))
                .addNewCondition()
                .withType("Ready")
                .withStatus(p.ready() ? "True" : "False")
                .endCondition()
                .withContainerStatuses(statuses)
                .endStatus();
        if (owner != null) {
            b.editMetadata()
                    .withOwnerReferences(owner(
                            "apps/v1",
                            "ReplicaSet",
                            owner.getMetadata().getName(),
                            owner.getMetadata().getUid()))
                    .endMetadata();
        }
        return b.build();
    }

    private static ContainerStatus status(ContainerInfo c) {
        ContainerStateBuilder state = new ContainerStateBuilder();
        switch (c.state() == null ? "running" : c.state().toLowerCase(Locale.ROOT)) {
            case "waiting" ->
                state.withNewWaiting()
                        .withReason(c.reason())
                        .withMessage(c.message())
                        .endWaiting();
            case "terminated" ->
                state.withNewTerminated()
                        .withReason(c.reason())
                        .withMessage(c.message())
                        .withExitCode(c.exitCode())
                        .endTerminated();
            default -> state.withNewRunning().endRunning();
        }
        ContainerStatusBuilder b = new ContainerStatusBuilder()
                .withName(c.name())
                .withImage(c.image())
                .withReady(c.ready())
                .withRestartCount(c.restartCount())
                .withState(state.build());
        if (c.lastTerminationReason() != null || c.lastExitCode() != null || c.lastTerminatedAt() != null) {
            ContainerState last = new ContainerStateBuilder()
                    .withNewTerminated()
                    .withReason(c.lastTerminationReason())
                    .withExitCode(c.lastExitCode())
                    .withFinishedAt(time(c.lastTerminatedAt()))
                    .endTerminated()
                    .build();
            b.withLastState(last);
        }
        return b.build();
    }

    public static Event event(String namespace, EventInfo e, int index) {
        return new EventBuilder()
                .withNewMetadata()
                .withName(e.involvedName() + "." + String.format("%016x", index))
                .withNamespace(namespace)
                .endMetadata()
                .withType(e.type())
                .withReason(e.reason())
                .withMessage(e.message())
                .withNewInvolvedObject()
                .withKind(e.involvedKind())
                .withName(e.involvedName())
                .withNamespace(namespace)
                .endInvolvedObject()
                .withCount(e.count())
                .withFirstTimestamp(time(e.firstTimestamp()))
                .withLastTimestamp(time(e.lastTimestamp()))
                .build();
    }

    private static OwnerReference owner(String apiVersion, String kind, String name, String uid) {
        return new OwnerReferenceBuilder()
                .withApiVersion(apiVersion)
                .withKind(kind)
                .withName(name)
                .withUid(uid)
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
