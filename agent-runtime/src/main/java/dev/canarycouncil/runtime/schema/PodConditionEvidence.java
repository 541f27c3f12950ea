package dev.canarycouncil.runtime.schema;

/**
 * A condition observed on a pod: a waiting/terminated reason, restarts, readiness, or an event.
 *
 * @param pod        pod name
 * @param side       {@code canary} or {@code stable}
 * @param container  container name, or null for the pod as a whole
 * @param condition  the condition (e.g. {@code CrashLoopBackOff}, {@code OOMKilled}, {@code Restarts})
 * @param detail     the message Kubernetes gave, or our own explanation
 * @param restarts   container restart count at observation time
 * @param exitCode   last exit code when the container terminated, else null
 */
public record PodConditionEvidence(
        String description,
        Severity severity,
        String pod,
        String side,
        String container,
        String condition,
        String detail,
        int restarts,
        Integer exitCode)
        implements Evidence {}
