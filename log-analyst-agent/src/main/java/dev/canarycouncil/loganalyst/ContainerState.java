package dev.canarycouncil.loganalyst;

/** A container's state as the MCP {@code get_pod_status} tool reports it. */
public record ContainerState(
        String name,
        boolean ready,
        int restartCount,
        String state,
        String reason,
        String message,
        Integer exitCode,
        String lastTerminationReason,
        Integer lastExitCode) {
}
