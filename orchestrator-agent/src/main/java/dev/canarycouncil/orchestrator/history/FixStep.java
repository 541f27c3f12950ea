package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.FixVerification.FixOutcome;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.PullRequestLink;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One step of a remediation issue's loop, as an analysis saw it: the rollback that filed the issue,
 * the issue, the first pull request that referred to it, the canary that verified the fix.
 *
 * @param issueUrl the issue
 * @param step     which step
 * @param at       when it happened
 */
public record FixStep(String issueUrl, Step step, String namespace, String rollout, Instant at, String analysisId) {

    /** The steps of the loop, in their order. */
    public enum Step {
        ROLLBACK,
        ISSUE,
        PULL_REQUEST,
        VERIFIED
    }

    /** The steps an analysis shows: a filed issue's rollback and filing, and its checks of earlier issues. */
    public static List<FixStep> of(FinishedAnalysis a) {
        Verdict v = a.verdict();
        String ns = a.request().namespace();
        String rollout = a.request().rollout();
        List<FixStep> steps = new ArrayList<>();
        IssueDraft issue = v.issue();
        if (issue != null && issue.url() != null && issue.onGitHub()) {
            steps.add(new FixStep(issue.url(), Step.ROLLBACK, ns, rollout, v.decidedAt(), v.analysisId()));
            // The issue is filed at the analysis' end, after the decision.
            Instant filed = a.startedAt().plusMillis(v.durationMs());
            steps.add(new FixStep(
                    issue.url(),
                    Step.ISSUE,
                    ns,
                    rollout,
                    filed.isBefore(v.decidedAt()) ? v.decidedAt() : filed,
                    v.analysisId()));
        }
        for (FixVerification check : v.verifications()) {
            check.pullRequests().stream()
                    .map(PullRequestLink::openedAt)
                    .filter(java.util.Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .ifPresent(opened -> steps.add(
                            new FixStep(check.issueUrl(), Step.PULL_REQUEST, ns, rollout, opened, v.analysisId())));
            if (check.outcome() == FixOutcome.VERIFIED) {
                steps.add(new FixStep(check.issueUrl(), Step.VERIFIED, ns, rollout, v.decidedAt(), v.analysisId()));
            }
        }
        return steps;
    }
}
