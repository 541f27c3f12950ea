package dev.canarycouncil.runtime.schema;

import java.util.Objects;

/**
 * What the issue writer receives: the analysis context and the verdict to explain.
 *
 * @param tokenBudget model tokens the issue writer may spend; null for its own limit
 */
public record IssueRequest(AnalysisRequest analysis, Verdict verdict, Long tokenBudget) {

    public IssueRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(verdict, "verdict");
    }

    public IssueRequest(AnalysisRequest analysis, Verdict verdict) {
        this(analysis, verdict, null);
    }
}
