package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the history: the target, who asked, the decision and the issue, without the evidence.
 *
 * @param outcome what became of the canary afterwards, once its rollout showed it
 */
public record AnalysisSummary(
        String id,
        String namespace,
        String rollout,
        String canaryHash,
        String stableHash,
        Requester requester,
        Instant startedAt,
        Instant decidedAt,
        long durationMs,
        Decision decision,
        int confidence,
        String mode,
        Optional<String> issueTitle,
        Optional<String> issueUrl,
        Optional<RolloutOutcome> outcome) {

    /** The line an analysis will have once it is written. */
    public static AnalysisSummary of(FinishedAnalysis a) {
        Verdict v = a.verdict();
        return new AnalysisSummary(
                v.analysisId(),
                a.request().namespace(),
                a.request().rollout(),
                a.request().canary().podTemplateHash(),
                a.request().stable().podTemplateHash(),
                a.requester(),
                a.startedAt(),
                v.decidedAt(),
                v.durationMs(),
                v.decision(),
                v.confidence(),
                v.mode().wire(),
                Optional.ofNullable(v.issue()).map(i -> i.title()),
                Optional.ofNullable(v.issue()).map(i -> i.url()),
                Optional.empty());
    }
}
