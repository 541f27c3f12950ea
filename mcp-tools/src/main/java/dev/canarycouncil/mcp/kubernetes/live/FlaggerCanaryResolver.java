package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.kubernetes.LabelSelector;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.tools.RolloutPods;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolves a Flagger Canary ({@code flagger.app/v1beta1}) to both sides, as Flagger names them:
 * <ol>
 * <li>the Canary's {@code spec.targetRef} is the canary Deployment; Flagger keeps the released
 *     version in {@code <target>-primary}, whose selector Flagger rewrites ({@code app: podinfo}
 *     becomes {@code app: podinfo-primary}), so each Deployment's own selector picks its side;</li>
 * <li>a side's hash is the {@code pod-template-hash} of its Deployment's newest ReplicaSet (by
 *     {@code deployment.kubernetes.io/revision}), so pods of an older revision still terminating are left out;</li>
 * <li>Flagger scales the canary up from zero when a run starts, so the window starts at the
 *     first canary pod's creation, or at its ReplicaSet's when that is later (a reused ReplicaSet);</li>
 * <li>only Deployment targets: a DaemonSet's or Knative Service's canary is refused by name.</li>
 * </ol>
 */
final class FlaggerCanaryResolver {

    static final ResourceDefinitionContext CANARIES = new ResourceDefinitionContext.Builder()
            .withGroup("flagger.app")
            .withVersion("v1beta1")
            .withKind("Canary")
            .withPlural("canaries")
            .withNamespaced(true)
            .build();

    static final String PRIMARY_SUFFIX = "-primary";
    static final String HASH_LABEL = "pod-template-hash";
    private static final String REVISION = "deployment.kubernetes.io/revision";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final ClusterReads reads;
    private final WindowPolicy windows;

    FlaggerCanaryResolver(ClusterReads reads, WindowPolicy windows) {
        this.reads = reads;
        this.windows = windows;
    }

    RolloutPods resolve(String namespace, String canaryName) {
        if (!NAME.matcher(canaryName).matches()) {
            throw new ToolException(
                    Kind.INVALID_ARGUMENT, "canary must be a Kubernetes object name, was " + canaryName);
        }
        GenericKubernetesResource canary = reads.flaggerCanary(namespace, canaryName);
        if (canary == null) {
            throw reads.notFound(namespace, "Flagger canary " + canaryName + " not found in namespace " + namespace);
        }
        String kind = ResourceFields.string(ResourceFields.at(canary, "spec", "targetRef", "kind"));
        String target = ResourceFields.string(ResourceFields.at(canary, "spec", "targetRef", "name"));
        if (!"Deployment".equals(kind) || target == null) {
            throw new ToolException(
                    Kind.INVALID_ARGUMENT,
                    "Flagger canary " + canaryName + " targets " + (kind == null ? "nothing" : kind + " " + target)
                            + "; the council judges Deployment targets only");
        }
        Side canarySide = side(namespace, requireDeployment(namespace, target, canaryName));
        Side primarySide = side(namespace, requireDeployment(namespace, target + PRIMARY_SUFFIX, canaryName));
        List<Pod> canaryPods = canarySide.pods();
        String service = ServiceNames.of(
                ObjectMetadata.annotation(canary, ServiceNames.ANNOTATION),
                canaryPods.isEmpty()
                        ? templateLabels(canarySide.deployment())
                        : ObjectMetadata.labels(canaryPods.get(0)),
                ResourceFields.string(ResourceFields.at(canary, "spec", "service", "name")),
                canaryName);
        return new RolloutPods(
                namespace,
                canaryName,
                service,
                canarySide.group(),
                primarySide.group(),
                windows.window(started(canarySide)));
    }

    private record Side(Deployment deployment, ReplicaSet newest, String selector, List<Pod> pods) {

        PodGroup group() {
            return new PodGroup(
                    ObjectMetadata.label(newest, HASH_LABEL),
                    selector,
                    pods.stream().map(p -> p.getMetadata().getName()).toList());
        }
    }

    private Side side(String namespace, Deployment deployment) {
        String name = deployment.getMetadata().getName();
        String base = selector(deployment);
        ReplicaSet newest = reads.replicaSets(namespace, base).stream()
                .filter(rs -> ownedBy(rs, name) && ObjectMetadata.label(rs, HASH_LABEL) != null)
                .max(Comparator.comparingLong(FlaggerCanaryResolver::revision))
                .orElseThrow(() -> new ToolException(
                        Kind.NOT_FOUND,
                        "deployment " + name + " in namespace " + namespace
                                + " has no ReplicaSet yet: nothing to analyse"));
        String selector = base + "," + HASH_LABEL + "=" + ObjectMetadata.label(newest, HASH_LABEL);
        LabelSelector filter = LabelSelector.parse(selector);
        List<Pod> pods = reads.pods(namespace, selector).stream()
                .filter(p -> filter.matches(ObjectMetadata.labels(p)))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
        return new Side(deployment, newest, selector, pods);
    }

    private Deployment requireDeployment(String namespace, String name, String canaryName) {
        Deployment deployment = reads.deployment(namespace, name);
        if (deployment == null) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "deployment " + name + " of Flagger canary " + canaryName
                            + " not found in namespace " + namespace
                            + (name.endsWith(PRIMARY_SUFFIX)
                                    ? " (Flagger creates it when it initialises the canary)"
                                    : ""));
        }
        return deployment;
    }

    private Instant started(Side canary) {
        Instant replicaSet = PodInfoMapper.instant(canary.newest().getMetadata().getCreationTimestamp());
        Instant firstPod = canary.pods().stream()
                .map(p -> PodInfoMapper.instant(p.getMetadata().getCreationTimestamp()))
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (replicaSet == null || (firstPod != null && firstPod.isAfter(replicaSet))) {
            replicaSet = firstPod;
        }
        if (replicaSet == null) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "deployment " + canary.deployment().getMetadata().getName()
                            + " has neither a dated ReplicaSet nor pods: nothing to analyse yet");
        }
        return replicaSet;
    }

    /** The Deployment's own selector as text, match expressions included. */
    private static String selector(Deployment deployment) {
        var spec = deployment.getSpec() == null ? null : deployment.getSpec().getSelector();
        List<String> terms = new ArrayList<>();
        if (spec != null && spec.getMatchLabels() != null) {
            spec.getMatchLabels().forEach((k, v) -> terms.add(k + "=" + v));
        }
        if (spec != null && spec.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : spec.getMatchExpressions()) {
                terms.add(LabelSelector.term(
                                r.getKey(), r.getOperator(), r.getValues() == null ? List.of() : r.getValues())
                        .orElseThrow(() -> new ToolException(
                                Kind.INVALID_ARGUMENT,
                                "deployment " + deployment.getMetadata().getName()
                                        + " has a selector operator the council cannot read: " + r.getOperator())));
            }
        }
        if (terms.isEmpty()) {
            throw new ToolException(
                    Kind.INVALID_ARGUMENT,
                    "deployment " + deployment.getMetadata().getName()
                            + " has an empty selector: its pods cannot be told from others");
        }
        return String.join(",", terms);
    }

    private static long revision(ReplicaSet rs) {
        String revision = ObjectMetadata.annotation(rs, REVISION);
        try {
            return revision == null ? 0 : Long.parseLong(revision);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean ownedBy(HasMetadata object, String deployment) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        return owners != null
                && owners.stream().anyMatch(o -> "Deployment".equals(o.getKind()) && deployment.equals(o.getName()));
    }

    private static Map<String, String> templateLabels(Deployment deployment) {
        var template =
                deployment.getSpec() == null ? null : deployment.getSpec().getTemplate();
        Map<String, String> labels = template == null || template.getMetadata() == null
                ? null
                : template.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
