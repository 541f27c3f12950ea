package dev.canarycouncil.loganalyst;

import java.util.List;

/** A pod as the MCP {@code get_pod_status} tool reports it. */
public record PodState(String name, String phase, boolean ready, List<ContainerState> containers) {

    public PodState {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    public int restarts() {
        return containers.stream().mapToInt(ContainerState::restartCount).sum();
    }
}
