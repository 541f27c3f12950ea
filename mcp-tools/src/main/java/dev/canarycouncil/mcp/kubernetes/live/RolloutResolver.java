package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.kubernetes.LabelSelector;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.tools.RolloutPods;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolves a canary pod name or pod-template hash to both sides of its Argo Rollout, with the
 * same answers and errors as the recorded backend:
 * <ol>
 * <li>a pod name gives the hash in its {@code rollouts-pod-template-hash} label; anything else
 *     is taken as a hash and its pods are listed by that label;</li>
 * <li>the rollout is the one named, else the owner of the pod's ReplicaSet, else (no pods left)
 *     the rollout whose current or stable hash it is;</li>
 * <li>the stable side is the rollout's {@code status.stableRS}; a stable hash or pod is refused
 *     (INVALID_ARGUMENT), as is a hash that is neither the rollout's current nor stable one (NOT_FOUND);</li>
 * <li>each side's pods are those matching the rollout's selector plus the side's hash;</li>
 * <li>the service comes from {@link ServiceNames}, the window from {@link WindowPolicy}.</li>
 * </ol>
 */
final class RolloutResolver {

    private static final Pattern POD_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)");

    private final ClusterReads reads;
    private final WindowPolicy windows;

    RolloutResolver(ClusterReads reads, WindowPolicy windows) {
        this.reads = reads;
        this.windows = windows;
    }

    RolloutPods resolve(String namespace, String podNameOrHash, String rolloutName) {
        if (podNameOrHash == null || podNameOrHash.isBlank()) {
            throw new ToolException(
                    Kind.INVALID_ARGUMENT, "podName is required: a canary pod name or pod-template hash");
        }
        Pod named = POD_NAME.matcher(podNameOrHash).matches() ? reads.pod(namespace, podNameOrHash) : null;
        String hash;
        Pod sample;
        if (named != null) {
            hash = ObjectMetadata.label(named, RolloutView.HASH_LABEL);
            if (hash == null) {
                throw new ToolException(
                        Kind.INVALID_ARGUMENT,
                        "pod " + podNameOrHash + " has no " + RolloutView.HASH_LABEL
                                + " label: it is not managed by an Argo Rollout");
            }
            sample = named;
        } else {
            if (!LABEL_VALUE.matcher(podNameOrHash).matches()) {
                throw notFound(namespace, podNameOrHash, null);
            }
            hash = podNameOrHash;
            sample = reads.pods(namespace, RolloutView.HASH_LABEL + "=" + hash).stream()
                    .filter(p -> hash.equals(ObjectMetadata.label(p, RolloutView.HASH_LABEL)))
                    .min(Comparator.comparing(p -> p.getMetadata().getName()))
                    .orElse(null);
        }
        ReplicaSet sampleReplicaSet = sample == null ? null : ownerReplicaSet(namespace, sample);
        RolloutView rollout = rolloutName != null
                ? requireRollout(namespace, rolloutName)
                : owningRollout(namespace, podNameOrHash, hash, sample, sampleReplicaSet);

        String stableHash = rollout.stableHash();
        String canaryHash = rollout.currentPodHash();
        if (stableHash == null) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "rollout " + rollout.name() + " has no status.stableRS yet: "
                            + "there is no stable ReplicaSet to compare " + podNameOrHash + " with");
        }
        if (hash.equals(stableHash)) {
            throw new ToolException(
                    Kind.INVALID_ARGUMENT,
                    podNameOrHash + " belongs to the stable ReplicaSet of " + rollout.name()
                            + ", not to its canary (canary hash " + canaryHash + ")");
        }
        if (canaryHash != null && !hash.equals(canaryHash)) {
            throw notFound(namespace, podNameOrHash, rollout);
        }

        String canarySelector = rollout.selectorFor(hash);
        String stableSelector = rollout.selectorFor(stableHash);
        List<Pod> canaryPods = podsOf(namespace, canarySelector);
        List<Pod> stablePods = podsOf(namespace, stableSelector);
        String service = ServiceNames.of(
                rollout, canaryPods.isEmpty() ? rollout.templateLabels() : ObjectMetadata.labels(canaryPods.get(0)));
        Instant created = canaryCreated(namespace, rollout, hash, canarySelector, sampleReplicaSet, canaryPods);
        return new RolloutPods(
                namespace,
                rollout.name(),
                service,
                new PodGroup(hash, canarySelector, names(canaryPods)),
                new PodGroup(stableHash, stableSelector, names(stablePods)),
                windows.window(created));
    }

    private RolloutView owningRollout(String namespace, String input, String hash, Pod sample, ReplicaSet replicaSet) {
        if (replicaSet != null) {
            OwnerReference owner = controller(replicaSet);
            if (owner == null || !"Rollout".equals(owner.getKind())) {
                throw new ToolException(
                        Kind.INVALID_ARGUMENT,
                        "pod " + sample.getMetadata().getName() + " belongs to ReplicaSet "
                                + replicaSet.getMetadata().getName() + ", which is not managed by an Argo Rollout"
                                + (owner == null ? "" : " (owner: " + owner.getKind() + "/" + owner.getName() + ")"));
            }
            return requireRollout(namespace, owner.getName());
        }
        // No pod, or a pod without a ReplicaSet: find the rollout by its status instead.
        for (GenericKubernetesResource r : reads.rollouts(namespace)) {
            RolloutView view = new RolloutView(r);
            if (hash.equals(view.currentPodHash()) || hash.equals(view.stableHash())) {
                return view;
            }
        }
        throw notFound(namespace, input, null);
    }

    private ReplicaSet ownerReplicaSet(String namespace, Pod pod) {
        OwnerReference owner = controller(pod);
        return owner == null || !"ReplicaSet".equals(owner.getKind())
                ? null
                : reads.replicaSet(namespace, owner.getName());
    }

    private RolloutView requireRollout(String namespace, String name) {
        GenericKubernetesResource r = reads.rollout(namespace, name);
        if (r == null) {
            throw reads.notFound(namespace, "rollout " + name + " not found in namespace " + namespace);
        }
        return new RolloutView(r);
    }

    /**
     * When the canary started: its ReplicaSet's creation, which the rollout controller does when
     * the revision starts; the first canary pod's when the ReplicaSet cannot be found.
     */
    private Instant canaryCreated(
            String namespace,
            RolloutView rollout,
            String hash,
            String canarySelector,
            ReplicaSet sampleReplicaSet,
            List<Pod> canaryPods) {
        ReplicaSet canary =
                sampleReplicaSet != null && hash.equals(ObjectMetadata.label(sampleReplicaSet, RolloutView.HASH_LABEL))
                        ? sampleReplicaSet
                        : reads.replicaSets(namespace, canarySelector).stream()
                                .filter(rs -> hash.equals(ObjectMetadata.label(rs, RolloutView.HASH_LABEL))
                                        && ownedBy(rs, rollout))
                                .findFirst()
                                .orElse(null);
        Instant created = canary == null
                ? null
                : PodInfoMapper.instant(canary.getMetadata().getCreationTimestamp());
        if (created == null) {
            created = canaryPods.stream()
                    .map(p -> PodInfoMapper.instant(p.getMetadata().getCreationTimestamp()))
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }
        if (created == null) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "rollout " + rollout.name() + " has neither a ReplicaSet nor pods for canary hash " + hash
                            + " in namespace " + namespace + ": nothing to analyse yet");
        }
        return created;
    }

    private List<Pod> podsOf(String namespace, String selector) {
        // Filtered again here: some API servers (and test doubles) ignore set-based selectors.
        LabelSelector filter = LabelSelector.parse(selector);
        return reads.pods(namespace, selector).stream()
                .filter(p -> filter.matches(ObjectMetadata.labels(p)))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
    }

    private ToolException notFound(String namespace, String input, RolloutView rollout) {
        return reads.notFound(
                namespace,
                "no canary pod or pod-template hash named " + input + " in namespace " + namespace
                        + (rollout == null
                                ? ""
                                : " (canary hash of " + rollout.name() + " is " + rollout.currentPodHash() + ")"));
    }

    private static boolean ownedBy(HasMetadata object, RolloutView rollout) {
        OwnerReference owner = controller(object);
        return owner != null
                && "Rollout".equals(owner.getKind())
                && rollout.name().equals(owner.getName());
    }

    private static OwnerReference controller(HasMetadata object) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return null;
        }
        return owners.stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()))
                .findFirst()
                .orElse(owners.get(0));
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).toList();
    }
}
