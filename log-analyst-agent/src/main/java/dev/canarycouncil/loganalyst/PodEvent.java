package dev.canarycouncil.loganalyst;

/** A Kubernetes event as the MCP {@code list_events} tool reports it. */
public record PodEvent(String type, String reason, String message, String involvedName, int count) {
}
