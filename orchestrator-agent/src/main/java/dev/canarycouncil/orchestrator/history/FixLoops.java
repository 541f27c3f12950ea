package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.history.FixStep.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each service's remediation loop runs: of its issues, how many reached an issue, a pull request
 * and a verified fix, and the median time from the rollback to each. An issue the history did not
 * file (found on GitHub) has no rollback to count from: it is counted, not timed.
 */
public final class FixLoops {

    private FixLoops() {}

    /**
     * One step's figures for a service.
     *
     * @param reached issues that reached the step
     * @param median  the median time from the rollback to the step, over the issues whose rollback is known
     */
    public record Stage(int reached, Optional<Duration> median) {}

    /** A service's loop. */
    public record Loop(
            String namespace, String rollout, int issues, Stage toIssue, Stage toPullRequest, Stage toVerified) {

        /** "rollback→issue 41 s (3) · →pull request 2.1 h (2) · →verified 1.0 d (1)" */
        public String text() {
            return issues + (issues == 1 ? " issue" : " issues") + " · rollback→issue " + stage(toIssue)
                    + " · →pull request " + stage(toPullRequest) + " · →verified fix " + stage(toVerified);
        }

        private static String stage(Stage s) {
            return s.median().map(FixLoops::human).orElse("–") + " (" + s.reached() + ")";
        }
    }

    /** The loops of every service with a remediation issue, in the order their first step was seen. */
    public static List<Loop> of(List<FixStep> steps) {
        Map<String, Map<String, Map<Step, Instant>>> byService = new LinkedHashMap<>();
        for (FixStep s : steps) {
            byService
                    .computeIfAbsent(s.namespace() + "/" + s.rollout(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.issueUrl(), k -> new EnumMap<>(Step.class))
                    .merge(s.step(), s.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Loop> loops = new ArrayList<>();
        byService.forEach((service, issues) -> {
            int slash = service.indexOf('/');
            loops.add(new Loop(
                    service.substring(0, slash),
                    service.substring(slash + 1),
                    issues.size(),
                    stage(issues.values(), Step.ISSUE),
                    stage(issues.values(), Step.PULL_REQUEST),
                    stage(issues.values(), Step.VERIFIED)));
        });
        return loops;
    }

    private static Stage stage(java.util.Collection<Map<Step, Instant>> issues, Step step) {
        int reached = 0;
        List<Duration> times = new ArrayList<>();
        for (Map<Step, Instant> issue : issues) {
            Instant at = issue.get(step);
            if (at == null) {
                continue;
            }
            reached++;
            Instant rollback = issue.get(Step.ROLLBACK);
            if (rollback != null) {
                // A pull request opened before the rollback (a fix already under way) took no time.
                times.add(at.isBefore(rollback) ? Duration.ZERO : Duration.between(rollback, at));
            }
        }
        times.sort(null);
        // Nearest rank, as the eval's p50: a figure that happened, not an interpolation.
        return new Stage(reached, times.isEmpty() ? Optional.empty() : Optional.of(times.get((times.size() - 1) / 2)));
    }

    /** A duration as a person reads it: 41 s, 12 min, 2.1 h, 3.0 d. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            return String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f d", s / 86400.0);
    }
}
