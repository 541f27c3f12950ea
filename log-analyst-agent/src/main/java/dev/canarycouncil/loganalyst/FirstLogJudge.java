package dev.canarycouncil.loganalyst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.PodInfo;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.Severity;

/**
 * A first, deliberately simple judgement: crash signatures or failing pod states that appear on
 * the canary and not on the stable side, or error lines far more frequent on the canary.
 * The log-analyst issue replaces this with template mining and proper statistics.
 */
public final class FirstLogJudge {

    private static final Pattern CRASH = Pattern.compile(
            "^(panic: |fatal error: |Traceback \\(most recent call last\\)|Exception in thread |.*\\bFATAL\\b"
                    + "|.*java\\.lang\\.OutOfMemoryError|.*[Ss]egmentation fault|.*SIGSEGV)");
    /** Level markers only: "runtime error" in a message is not an error-level line. */
    private static final Pattern ERROR_LINE = Pattern.compile(
            "(?:(?i:level=\"?(?:error|fatal|crit)\"?)|\\b(?:ERROR|FATAL|CRITICAL)\\b|(?i:\"level\":\\s*\"(?:error|fatal)\"))");
    private static final Set<String> CRITICAL_WAITING = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
            "CreateContainerConfigError", "CreateContainerError", "InvalidImageName");

    private final String agent;

    public FirstLogJudge(String agent) {
        this.agent = agent;
    }

    public Finding judge(CollectedLogs logs) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.addAll(podConditions(logs.canary(), logs.stable()));
        evidence.addAll(crashSignatures(logs));
        LogTemplateEvidence errors = errorRate(logs);
        long canaryLines = lines(logs.canary());
        boolean critical = evidence.stream().anyMatch(e -> e.severity() == Severity.CRITICAL);
        List<String> notes = new ArrayList<>(logs.notes());
        if (critical) {
            if (errors != null) {
                evidence.add(errors);
            }
            Evidence top = evidence.get(0);
            return new Finding(agent, Decision.ROLLBACK, 90, "The canary fails where the stable does not: "
                    + top.description(), evidence, notes);
        }
        if (errors != null && errors.severity() == Severity.ERROR) {
            evidence.add(errors);
            return new Finding(agent, Decision.ROLLBACK, 75, errors.description(), evidence, notes);
        }
        if (canaryLines == 0 && logs.canary().pods().isEmpty()) {
            notes.add("no canary logs or pod status could be read");
            return new Finding(agent, Decision.INCONCLUSIVE, 0, "Nothing to judge: no canary logs or pods were found.",
                    evidence, notes);
        }
        if (errors != null) {
            evidence.add(errors);
        }
        int confidence = canaryLines >= 50 ? 70 : 50;
        return new Finding(agent, Decision.PROMOTE, confidence, "No crash, failing pod state or error surge on the canary ("
                + canaryLines + " canary log lines read).", evidence, notes);
    }

    private List<Evidence> podConditions(SideEvidence canary, SideEvidence stable) {
        List<Evidence> out = new ArrayList<>();
        int stableRestarts = stable.pods().stream().mapToInt(PodInfo::restarts).max().orElse(0);
        for (PodInfo pod : canary.pods()) {
            for (ContainerInfo c : pod.containers()) {
                boolean oom = "OOMKilled".equals(c.lastTerminationReason()) || Integer.valueOf(137).equals(c.lastExitCode())
                        || "OOMKilled".equals(c.reason());
                if (oom) {
                    out.add(new PodConditionEvidence("Container " + c.name() + " of canary pod " + pod.name()
                            + " was OOMKilled (exit 137) and restarted " + c.restartCount() + " times",
                            Severity.CRITICAL, pod.name(), "canary", c.name(), "OOMKilled",
                            "last termination: " + c.lastTerminationReason() + ", exit code " + c.lastExitCode(),
                            c.restartCount(), c.lastExitCode()));
                } else if (c.reason() != null && CRITICAL_WAITING.contains(c.reason())) {
                    out.add(new PodConditionEvidence("Container " + c.name() + " of canary pod " + pod.name() + " is in "
                            + c.reason() + (c.lastTerminationReason() == null ? "" : " (last exit: "
                            + c.lastTerminationReason() + ", code " + c.lastExitCode() + ")"),
                            Severity.CRITICAL, pod.name(), "canary", c.name(), c.reason(), c.message(),
                            c.restartCount(), c.lastExitCode()));
                } else if (c.restartCount() > stableRestarts + 1) {
                    out.add(new PodConditionEvidence("Container " + c.name() + " of canary pod " + pod.name()
                            + " restarted " + c.restartCount() + " times (stable pods at most " + stableRestarts + ")",
                            Severity.CRITICAL, pod.name(), "canary", c.name(), "Restarts",
                            "last termination: " + c.lastTerminationReason(), c.restartCount(), c.lastExitCode()));
                }
            }
        }
        return out;
    }

    private List<Evidence> crashSignatures(CollectedLogs logs) {
        Map<String, List<String>> canary = crashLines(logs.canary());
        Map<String, List<String>> stable = crashLines(logs.stable());
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> crash : canary.entrySet()) {
            if (stable.containsKey(crash.getKey())) {
                continue;
            }
            List<String> samples = crash.getValue().subList(0, Math.min(3, crash.getValue().size()));
            out.add(new LogTemplateEvidence("Canary logs show \"" + crash.getKey() + "\" " + crash.getValue().size()
                    + " time(s); the stable logs never do", Severity.CRITICAL, crash.getKey(), "crash", null,
                    crash.getValue().size(), 0, lines(logs.canary()), lines(logs.stable()), null, samples,
                    "canary pod logs (current and previous containers)"));
        }
        return out;
    }

    /** Crash lines keyed by the line with digits masked, so repeats of one crash count together. */
    private static Map<String, List<String>> crashLines(SideEvidence side) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ContainerLog log : side.logs()) {
            for (String line : log.text().split("\n")) {
                if (CRASH.matcher(line).find()) {
                    String key = line.strip().replaceAll("\\d+", "N");
                    if (key.length() > 200) {
                        key = key.substring(0, 200);
                    }
                    out.computeIfAbsent(key, k -> new ArrayList<>()).add(line.strip());
                }
            }
        }
        return out;
    }

    private LogTemplateEvidence errorRate(CollectedLogs logs) {
        long canaryLines = lines(logs.canary());
        long stableLines = lines(logs.stable());
        List<String> canaryErrors = errorLines(logs.canary());
        long stableErrors = errorLines(logs.stable()).size();
        if (canaryLines == 0 || canaryErrors.isEmpty()) {
            return null;
        }
        double canaryRatio = (double) canaryErrors.size() / canaryLines;
        double stableRatio = stableLines == 0 ? 0 : (double) stableErrors / stableLines;
        boolean surge = canaryErrors.size() >= 5 && canaryRatio >= 0.01 && canaryRatio >= 3 * stableRatio;
        String description = String.format(Locale.ROOT, "%.1f%% of canary log lines are errors (%d of %d) against %.1f%% on stable (%d of %d)",
                canaryRatio * 100, canaryErrors.size(), canaryLines, stableRatio * 100, stableErrors, stableLines);
        return new LogTemplateEvidence(description, surge ? Severity.ERROR : Severity.INFO, "error-level lines", null, null,
                canaryErrors.size(), stableErrors, canaryLines, stableLines, null,
                canaryErrors.subList(0, Math.min(3, canaryErrors.size())), "canary and stable pod logs");
    }

    private static List<String> errorLines(SideEvidence side) {
        List<String> out = new ArrayList<>();
        for (ContainerLog log : side.logs()) {
            for (String line : log.text().split("\n")) {
                if (ERROR_LINE.matcher(line).find()) {
                    out.add(line.length() > 500 ? line.substring(0, 500) : line);
                }
            }
        }
        return out;
    }

    private static long lines(SideEvidence side) {
        long n = 0;
        for (ContainerLog log : side.logs()) {
            if (!log.text().isEmpty()) {
                n += log.text().split("\n").length;
            }
        }
        return n;
    }
}
