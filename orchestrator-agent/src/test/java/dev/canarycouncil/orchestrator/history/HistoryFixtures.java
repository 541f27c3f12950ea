package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueFiling;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.schema.VerdictSubject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Finished analyses as the council hands them over, for the store's tests. */
final class HistoryFixtures {

    private HistoryFixtures() {}

    static FinishedAnalysis finished(
            String id, String namespace, String rollout, Decision decision, Instant decidedAt, Requester requester) {
        AnalysisRequest request = AnalysisRequest.builder(
                        id,
                        namespace,
                        new PodGroup("7c9d6f5b4", "app=" + rollout, List.of(rollout + "-7c9d6f5b4-g8mzr")),
                        new PodGroup("5f7d8c9b6", "app=" + rollout, List.of(rollout + "-5f7d8c9b6-abcde")),
                        new TimeWindow(decidedAt.minus(Duration.ofMinutes(10)), decidedAt))
                .rollout(rollout)
                .service(rollout)
                .build();
        Finding logs = new Finding("log-analyst", decision, 91, "what the logs say about " + id, List.of(), List.of());
        Verdict.Builder verdict = Verdict.builder()
                .analysisId(id)
                .subject(VerdictSubject.of(request))
                .decision(decision)
                .confidence(88)
                .rationale("log-analyst voted " + decision)
                .rootCause(decision == Decision.ROLLBACK ? "index out of range in getColor (main.go:42)" : "none")
                .remediation("none")
                .findings(List.of(logs))
                .decidedAt(decidedAt)
                .durationMs(1234);
        if (decision == Decision.ROLLBACK) {
            verdict.issue(IssueDraft.draft(
                            "Canary 7c9d6f5b4 of " + rollout + " panics",
                            "body",
                            List.of("canary-rollback"),
                            "0648864dfb80")
                    .build());
        }
        return new FinishedAnalysis(
                request,
                verdict.build(),
                requester,
                decidedAt.minusMillis(1234),
                List.of(
                        new FinishedAnalysis.ProgressEvent(decidedAt.minusMillis(1200), "asking log-analyst"),
                        new FinishedAnalysis.ProgressEvent(
                                decidedAt.minusMillis(100), "log-analyst voted " + decision)),
                IssueFiling.DRAFT_ONLY);
    }
}
