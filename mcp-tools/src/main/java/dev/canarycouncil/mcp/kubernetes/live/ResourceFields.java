package dev.canarycouncil.mcp.kubernetes.live;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/** Reads fields of a custom resource (a Rollout, a Canary) without its Java model: absent anywhere along the path is null. */
final class ResourceFields {

    private ResourceFields() {}

    static Object at(GenericKubernetesResource resource, String... path) {
        Object node = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
