package dev.canarycouncil.runtime.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pod and the state of its containers. {@code phase} is Kubernetes' pod phase; {@code annotations}
 * are the pod's own (a revision or commit some deployments record there), absent from older recordings.
 */
public record PodInfo(
        String name,
        String namespace,
        Map<String, String> labels,
        String phase,
        boolean ready,
        Instant startTime,
        List<ContainerInfo> containers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> annotations) {

    public PodInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        containers = containers == null ? List.of() : List.copyOf(containers);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** A pod without annotations. */
    public PodInfo(
            String name,
            String namespace,
            Map<String, String> labels,
            String phase,
            boolean ready,
            Instant startTime,
            List<ContainerInfo> containers) {
        this(name, namespace, labels, phase, ready, startTime, containers, Map.of());
    }

    public int restarts() {
        return containers.stream().mapToInt(ContainerInfo::restartCount).sum();
    }
}
