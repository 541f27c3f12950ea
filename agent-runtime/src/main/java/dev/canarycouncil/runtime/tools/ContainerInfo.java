package dev.canarycouncil.runtime.tools;

import java.time.Instant;

/**
 * One container of a pod as Kubernetes reports it.
 *
 * @param state                  {@code running}, {@code waiting} or {@code terminated}
 * @param reason                 reason of the current state (e.g. {@code CrashLoopBackOff}), or null
 * @param exitCode               exit code when terminated, else null
 * @param lastTerminationReason  reason of the previous termination (e.g. {@code OOMKilled}), or null
 * @param lastExitCode           exit code of the previous termination, or null
 */
public record ContainerInfo(
        String name,
        String image,
        boolean ready,
        int restartCount,
        String state,
        String reason,
        String message,
        Integer exitCode,
        String lastTerminationReason,
        Integer lastExitCode,
        Instant lastTerminatedAt) {}
