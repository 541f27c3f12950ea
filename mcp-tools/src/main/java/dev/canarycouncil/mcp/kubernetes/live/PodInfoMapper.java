package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Kubernetes pod as the tools report it: the same {@link PodInfo} the recorded backend reads
 * from {@code pods.json}. Init and ephemeral containers are left out, as in recordings; the app
 * containers' waiting reason ({@code PodInitializing}) shows when init is what holds a pod back.
 */
final class PodInfoMapper {

    private static final int MAX_ANNOTATION = 256;

    private PodInfoMapper() {}

    static PodInfo map(Pod pod) {
        var status = pod.getStatus();
        Map<String, ContainerStatus> statuses = status == null || status.getContainerStatuses() == null
                ? Map.of()
                : status.getContainerStatuses().stream()
                        .collect(Collectors.toMap(ContainerStatus::getName, Function.identity(), (a, b) -> a));
        List<ContainerInfo> containers = new ArrayList<>();
        for (Container c : containerSpecs(pod)) {
            containers.add(container(c, statuses.get(c.getName())));
        }
        return new PodInfo(
                pod.getMetadata().getName(),
                pod.getMetadata().getNamespace(),
                pod.getMetadata().getLabels(),
                status == null ? null : status.getPhase(),
                ready(pod),
                status == null ? null : instant(status.getStartTime()),
                containers,
                shortAnnotations(pod.getMetadata().getAnnotations()));
    }

    /**
     * The annotations worth reporting: a revision or commit is short, while kubectl's
     * last-applied-configuration and similar copies of the manifest only make every answer larger.
     */
    private static Map<String, String> shortAnnotations(Map<String, String> annotations) {
        if (annotations == null) {
            return Map.of();
        }
        Map<String, String> kept = new java.util.TreeMap<>();
        annotations.forEach((k, v) -> {
            if (v != null && v.length() <= MAX_ANNOTATION) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    static List<Container> containerSpecs(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getContainers() == null
                ? List.of()
                : pod.getSpec().getContainers();
    }

    /** Ready as the pod's Ready condition says: what Services and the rollout controller go by. */
    private static boolean ready(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    private static ContainerInfo container(Container spec, ContainerStatus s) {
        if (s == null) {
            return new ContainerInfo(
                    spec.getName(),
                    spec.getImage(),
                    false,
                    0,
                    "waiting",
                    null,
                    "the kubelet has not reported this container's status yet",
                    null,
                    null,
                    null,
                    null);
        }
        String state;
        String reason = null;
        String message = null;
        Integer exitCode = null;
        ContainerState current = s.getState();
        if (current != null && current.getWaiting() != null) {
            state = "waiting";
            reason = current.getWaiting().getReason();
            message = current.getWaiting().getMessage();
        } else if (current != null && current.getTerminated() != null) {
            state = "terminated";
            reason = current.getTerminated().getReason();
            message = current.getTerminated().getMessage();
            exitCode = current.getTerminated().getExitCode();
        } else {
            state = "running";
        }
        ContainerStateTerminated last =
                s.getLastState() == null ? null : s.getLastState().getTerminated();
        return new ContainerInfo(
                spec.getName(),
                spec.getImage(),
                Boolean.TRUE.equals(s.getReady()),
                s.getRestartCount() == null ? 0 : s.getRestartCount(),
                state,
                reason,
                message,
                exitCode,
                last == null ? null : last.getReason(),
                last == null ? null : last.getExitCode(),
                last == null ? null : instant(last.getFinishedAt()));
    }

    /** Kubernetes writes RFC 3339 times; an unparseable one is dropped rather than failing the whole answer. */
    static Instant instant(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
