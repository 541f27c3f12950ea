package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.List;

/** A stored analysis whole: its summary line, the request, the verdict with every finding, and its progress. */
public record StoredAnalysis(
        AnalysisSummary summary,
        AnalysisRequest request,
        Verdict verdict,
        List<FinishedAnalysis.ProgressEvent> progress) {

    /** An analysis not yet written, as it will read once it is. */
    public static StoredAnalysis of(FinishedAnalysis a) {
        return new StoredAnalysis(AnalysisSummary.of(a), a.request(), a.verdict(), a.progress());
    }
}
