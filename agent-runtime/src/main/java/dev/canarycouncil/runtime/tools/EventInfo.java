package dev.canarycouncil.runtime.tools;

import java.time.Instant;

/** A Kubernetes event about a pod, a ReplicaSet or a Rollout. {@code type} is Normal or Warning. */
public record EventInfo(
        String type,
        String reason,
        String message,
        String involvedKind,
        String involvedName,
        int count,
        Instant firstTimestamp,
        Instant lastTimestamp) {}
