package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.kubernetes.LabelSelector;
import dev.canarycouncil.mcp.kubernetes.RolloutInfo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Argo Rollout ({@code argoproj.io/v1alpha1}) as a generic resource, so the server
 * needs neither Argo's Java model nor API discovery, only {@code get}/{@code list} on {@code rollouts}.
 */
final class RolloutView {

    static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io")
            .withVersion("v1alpha1")
            .withKind("Rollout")
            .withPlural("rollouts")
            .withNamespaced(true)
            .build();

    static final String HASH_LABEL = "rollouts-pod-template-hash";

    private final GenericKubernetesResource resource;

    RolloutView(GenericKubernetesResource resource) {
        this.resource = resource;
    }

    String name() {
        return resource.getMetadata().getName();
    }

    String namespace() {
        return resource.getMetadata().getNamespace();
    }

    String uid() {
        return resource.getMetadata().getUid();
    }

    /** {@code status.stableRS}: the pod-template hash of the stable ReplicaSet, despite its name. */
    String stableHash() {
        return string(at("status", "stableRS"));
    }

    String currentPodHash() {
        return string(at("status", "currentPodHash"));
    }

    String annotation(String key) {
        return ObjectMetadata.annotation(resource, key);
    }

    String stableService() {
        return string(at("spec", "strategy", "canary", "stableService"));
    }

    Map<String, String> templateLabels() {
        return stringMap(at("spec", "template", "metadata", "labels"));
    }

    RolloutInfo info() {
        return new RolloutInfo(
                name(),
                namespace(),
                string(at("status", "phase")),
                integer(at("status", "currentStepIndex")),
                canaryWeight(),
                stableHash(),
                currentPodHash(),
                string(at("status", "message")),
                Boolean.TRUE.equals(at("status", "abort")));
    }

    /**
     * The canary's traffic weight: what the traffic router reports in
     * {@code status.canary.weights.canary.weight} when there is one, else the weight Argo derives
     * from the steps (the last {@code setWeight} at or before the current step; 100 past the last
     * step, 0 after an abort). Null for a rollout without a canary strategy.
     */
    Integer canaryWeight() {
        Integer reported = integer(at("status", "canary", "weights", "canary", "weight"));
        if (reported != null) {
            return reported;
        }
        if (!(at("spec", "strategy", "canary") instanceof Map)) {
            return null;
        }
        if (Boolean.TRUE.equals(at("status", "abort"))) {
            return 0;
        }
        List<?> steps = at("spec", "strategy", "canary", "steps") instanceof List<?> l ? l : List.of();
        Integer index = integer(at("status", "currentStepIndex"));
        int current = index == null ? 0 : index;
        if (current >= steps.size()) {
            return 100;
        }
        for (int i = current; i >= 0; i--) {
            if (steps.get(i) instanceof Map<?, ?> step && step.get("setWeight") instanceof Number w) {
                return w.intValue();
            }
        }
        return 0;
    }

    /**
     * A label selector for one side of the rollout: the rollout's own selector plus the side's
     * pod-template hash, in the order the rollout writes it, e.g.
     * {@code app=checkout,rollouts-pod-template-hash=7c9d6f5b4}.
     */
    String selectorFor(String hash) {
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, String> e :
                stringMap(at("spec", "selector", "matchLabels")).entrySet()) {
            if (!e.getKey().equals(HASH_LABEL)) {
                terms.add(e.getKey() + "=" + e.getValue());
            }
        }
        if (at("spec", "selector", "matchExpressions") instanceof List<?> expressions) {
            for (Object o : expressions) {
                if (o instanceof Map<?, ?> expr) {
                    String term = expression(expr);
                    if (term != null) {
                        terms.add(term);
                    }
                }
            }
        }
        terms.add(HASH_LABEL + "=" + hash);
        return String.join(",", terms);
    }

    private static String expression(Map<?, ?> expr) {
        String key = string(expr.get("key"));
        String op = string(expr.get("operator"));
        List<String> values = expr.get("values") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
        if (key == null || op == null) {
            return null;
        }
        return LabelSelector.term(key, op, values).orElse(null);
    }

    private Object at(String... path) {
        return ResourceFields.at(resource, path);
    }

    private static String string(Object o) {
        return ResourceFields.string(o);
    }

    private static Integer integer(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }

    private static Map<String, String> stringMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
