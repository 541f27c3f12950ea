package dev.canarycouncil.loganalyst.pods;

import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.text.Texts;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the canary's pod states and events against the stable's: crash loops, OOM kills (exit
 * 137), image pull failures, failed probes, unschedulable pods, and restarts beyond the stable's.
 * A condition the stable pods share is reported as a warning, not blamed on the canary.
 */
public final class PodConditions {

    private static final Set<String> FAILED_START = Set.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "ErrImagePull",
            "CreateContainerConfigError",
            "CreateContainerError",
            "InvalidImageName",
            "RunContainerError");

    private PodConditions() {}

    public static List<PodConditionEvidence> compare(
            List<PodInfo> canary, List<EventInfo> canaryEvents, List<PodInfo> stable, List<EventInfo> stableEvents) {
        Map<String, PodConditionEvidence> found = new LinkedHashMap<>();
        int stableRestarts = stable.stream()
                .flatMap(p -> p.containers().stream())
                .mapToInt(ContainerInfo::restartCount)
                .max()
                .orElse(0);
        Set<String> stableConditions = conditionsOf(stable, stableEvents);
        for (PodInfo pod : canary) {
            for (ContainerInfo c : pod.containers()) {
                for (PodConditionEvidence e : containerConditions(pod, c, stableRestarts)) {
                    found.putIfAbsent(pod.name() + "/" + e.condition(), e);
                }
            }
            if ("Pending".equals(pod.phase()) || "Failed".equals(pod.phase())) {
                found.putIfAbsent(
                        pod.name() + "/" + pod.phase(),
                        new PodConditionEvidence(
                                "Canary pod " + pod.name() + " is " + pod.phase(),
                                Severity.ERROR,
                                pod.name(),
                                "canary",
                                null,
                                pod.phase(),
                                null,
                                pod.restarts(),
                                null));
            }
        }
        for (PodConditionEvidence e : eventConditions(canary, canaryEvents)) {
            found.putIfAbsent(e.pod() + "/" + e.condition(), e);
        }
        List<PodConditionEvidence> out = new ArrayList<>();
        for (PodConditionEvidence e : found.values()) {
            if (stableConditions.contains(e.condition()) && e.severity() != Severity.INFO) {
                out.add(new PodConditionEvidence(
                        e.description() + " (the stable pods show it too)",
                        Severity.WARNING,
                        e.pod(),
                        e.side(),
                        e.container(),
                        e.condition(),
                        e.detail(),
                        e.restarts(),
                        e.exitCode()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static List<PodConditionEvidence> containerConditions(PodInfo pod, ContainerInfo c, int stableRestarts) {
        List<PodConditionEvidence> out = new ArrayList<>();
        boolean oom = "OOMKilled".equals(c.lastTerminationReason())
                || "OOMKilled".equals(c.reason())
                || Integer.valueOf(137).equals(c.lastExitCode())
                || Integer.valueOf(137).equals(c.exitCode());
        if (oom) {
            out.add(new PodConditionEvidence(
                    "Container " + c.name() + " of canary pod " + pod.name() + " was OOMKilled (exit 137)"
                            + (c.restartCount() > 0 ? " and restarted " + c.restartCount() + " times" : ""),
                    Severity.CRITICAL,
                    pod.name(),
                    "canary",
                    c.name(),
                    "OOMKilled",
                    "last termination: " + c.lastTerminationReason() + ", exit code " + c.lastExitCode(),
                    c.restartCount(),
                    137));
        }
        if (c.reason() != null && FAILED_START.contains(c.reason())) {
            out.add(new PodConditionEvidence(
                    "Container " + c.name() + " of canary pod " + pod.name() + " is in " + c.reason()
                            + (c.lastTerminationReason() != null && !oom
                                    ? " (last exit: " + c.lastTerminationReason() + ", code " + c.lastExitCode() + ")"
                                    : ""),
                    Severity.CRITICAL,
                    pod.name(),
                    "canary",
                    c.name(),
                    c.reason(),
                    c.message(),
                    c.restartCount(),
                    c.lastExitCode()));
        } else if (!oom && c.restartCount() > stableRestarts + 1) {
            boolean crashed = c.lastExitCode() != null && c.lastExitCode() != 0;
            out.add(new PodConditionEvidence(
                    "Container " + c.name() + " of canary pod " + pod.name() + " restarted "
                            + c.restartCount() + " times (stable pods at most " + stableRestarts + ")"
                            + (crashed ? ", last exit code " + c.lastExitCode() : ""),
                    crashed ? Severity.CRITICAL : Severity.ERROR,
                    pod.name(),
                    "canary",
                    c.name(),
                    "Restarts",
                    "last termination: " + c.lastTerminationReason(),
                    c.restartCount(),
                    c.lastExitCode()));
        }
        return out;
    }

    private static List<PodConditionEvidence> eventConditions(List<PodInfo> pods, List<EventInfo> events) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, EventInfo> example = new LinkedHashMap<>();
        for (EventInfo e : events) {
            String condition = eventCondition(e);
            if (condition == null || pods.stream().noneMatch(p -> p.name().equals(e.involvedName()))) {
                continue;
            }
            String key = e.involvedName() + "/" + condition;
            counts.computeIfAbsent(key, k -> new int[1])[0] += Math.max(1, e.count());
            example.putIfAbsent(key, e);
        }
        List<PodConditionEvidence> out = new ArrayList<>();
        counts.forEach((key, n) -> {
            EventInfo e = example.get(key);
            String condition = key.substring(key.lastIndexOf('/') + 1);
            boolean probe = condition.endsWith("ProbeFailed");
            if (probe && n[0] < 3) {
                return;
            }
            Severity severity = condition.equals("ImagePullFailed") ? Severity.CRITICAL : Severity.ERROR;
            out.add(new PodConditionEvidence(
                    "Canary pod " + e.involvedName() + ": " + e.reason() + " x" + n[0] + " (" + abbreviate(e.message())
                            + ")",
                    severity,
                    e.involvedName(),
                    "canary",
                    null,
                    condition,
                    e.message(),
                    0,
                    null));
        });
        return out;
    }

    private static String eventCondition(EventInfo e) {
        if (!"Warning".equals(e.type()) || e.reason() == null) {
            return null;
        }
        String message = e.message() == null ? "" : e.message();
        return switch (e.reason()) {
            case "Unhealthy" ->
                message.contains("Readiness")
                        ? "ReadinessProbeFailed"
                        : message.contains("Liveness")
                                ? "LivenessProbeFailed"
                                : message.contains("Startup") ? "StartupProbeFailed" : null;
            case "FailedScheduling" -> "FailedScheduling";
            case "Failed" -> message.contains("pull") || message.contains("image") ? "ImagePullFailed" : null;
            case "FailedMount", "FailedAttachVolume" -> "VolumeFailed";
            default -> null;
        };
    }

    private static Set<String> conditionsOf(List<PodInfo> pods, List<EventInfo> events) {
        Set<String> out = new java.util.HashSet<>();
        for (PodInfo pod : pods) {
            for (ContainerInfo c : pod.containers()) {
                for (PodConditionEvidence e : containerConditions(pod, c, Integer.MAX_VALUE - 1)) {
                    out.add(e.condition());
                }
            }
        }
        for (PodConditionEvidence e : eventConditions(pods, events)) {
            out.add(e.condition());
        }
        return out;
    }

    private static String abbreviate(String s) {
        return Texts.abbreviate(s, 160);
    }
}
