package dev.canarycouncil.mcp.kubernetes.live;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** A Kubernetes object's labels and annotations, absent ones read as none. */
final class ObjectMetadata {

    private ObjectMetadata() {}

    static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** The label's value, or null. */
    static String label(HasMetadata object, String key) {
        return labels(object).get(key);
    }

    /** The annotation's value, or null. */
    static String annotation(HasMetadata object, String key) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
