package dev.canarycouncil.runtime.tools;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A pod and the state of its containers. {@code phase} is Kubernetes' pod phase. */
public record PodInfo(
        String name,
        String namespace,
        Map<String, String> labels,
        String phase,
        boolean ready,
        Instant startTime,
        List<ContainerInfo> containers) {

    public PodInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    public int restarts() {
        return containers.stream().mapToInt(ContainerInfo::restartCount).sum();
    }
}
