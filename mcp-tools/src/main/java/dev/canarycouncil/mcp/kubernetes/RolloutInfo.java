package dev.canarycouncil.mcp.kubernetes;

/**
 * The status of an Argo Rollout.
 *
 * @param phase         Healthy, Progressing, Paused, Degraded, ...
 * @param currentStep   index of the current canary step, or null
 * @param canaryWeight  traffic percentage sent to the canary, or null
 * @param stableHash    pod-template hash of the stable ReplicaSet
 * @param canaryHash    pod-template hash of the canary ReplicaSet
 * @param aborted       {@code status.abort}: the update was aborted (by an analysis or a person)
 */
public record RolloutInfo(
        String name,
        String namespace,
        String phase,
        Integer currentStep,
        Integer canaryWeight,
        String stableHash,
        String canaryHash,
        String message,
        boolean aborted) {}
