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
        List<FinishedAnalysis.ProgressEvent> progress) {}
