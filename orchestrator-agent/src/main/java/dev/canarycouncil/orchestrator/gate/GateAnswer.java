package dev.canarycouncil.orchestrator.gate;

import dev.canarycouncil.orchestrator.council.Council;
import dev.canarycouncil.orchestrator.council.VerdictSummary;
import dev.canarycouncil.orchestrator.history.HistoryRoutes;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.List;

/**
 * What a controller's condition reads: {@code decision} (PROMOTE, ROLLBACK or INCONCLUSIVE) is the
 * field a {@code jsonPath} selects; the rest is for the person reading the AnalysisRun.
 *
 * @param notSeen  what the council could not see (no metrics source, unreadable logs)
 * @param history  where the history API answers for the analysis, relative to the orchestrator's URL
 * @param link     the page that shows the analysis with its evidence, for people
 */
public record GateAnswer(
        Decision decision,
        int confidence,
        String summary,
        String rootCause,
        String remediation,
        String namespace,
        String rollout,
        String canaryHash,
        String stableHash,
        String analysisId,
        String issueUrl,
        List<String> notSeen,
        String history,
        String link) {

    public static GateAnswer of(Council.Analysis analysis) {
        Verdict v = analysis.verdict();
        return new GateAnswer(
                v.decision(),
                v.confidence(),
                VerdictSummary.of(v),
                v.rootCause(),
                v.remediation(),
                analysis.request().namespace(),
                analysis.request().rollout(),
                analysis.request().canary().podTemplateHash(),
                analysis.request().stable().podTemplateHash(),
                v.analysisId(),
                v.issue() == null ? null : v.issue().url(),
                v.findings().stream()
                        .flatMap(f -> f.blindSpots().stream().map(b -> f.agent() + ": " + b.describe()))
                        .toList(),
                HistoryRoutes.apiPath(v.analysisId()),
                v.link());
    }
}
