package dev.canarycouncil.runtime.schema;

import java.util.Objects;

/**
 * What the issue writer receives: the analysis context and the verdict to explain.
 *
 * @param tokenBudget model tokens the issue writer may spend; null for its own limit
 * @param filing      whether to file the draft or only return it; FILE when an older orchestrator sends none
 */
public record IssueRequest(AnalysisRequest analysis, Verdict verdict, Long tokenBudget, IssueFiling filing) {

    public IssueRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(verdict, "verdict");
        filing = filing == null ? IssueFiling.FILE : filing;
    }

    public IssueRequest(AnalysisRequest analysis, Verdict verdict) {
        this(analysis, verdict, null, IssueFiling.FILE);
    }
}
