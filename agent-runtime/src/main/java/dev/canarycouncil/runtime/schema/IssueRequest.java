package dev.canarycouncil.runtime.schema;

import java.util.Objects;

/** What the issue writer receives: the analysis context and the verdict to explain. */
public record IssueRequest(AnalysisRequest analysis, Verdict verdict) {

    public IssueRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(verdict, "verdict");
    }
}
