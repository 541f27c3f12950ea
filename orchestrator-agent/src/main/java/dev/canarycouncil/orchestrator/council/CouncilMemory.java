package dev.canarycouncil.orchestrator.council;

/**
 * What the council keeps beyond one analysis: every finished analysis, who is filing which
 * failure's issue, and the issues filed so far. All live in the history's database when there is one.
 *
 * @param finished told of every finished analysis
 * @param issues   turns at filing one failure's issue
 * @param open     the issues filed for a rollout's earlier failures, which each analysis checks
 */
public record CouncilMemory(AnalysisListener finished, IssueClaims issues, OpenIssues open) {

    /** For a one-off council ({@code analyze}, {@code eval}): nothing kept, nothing shared. */
    public static final CouncilMemory NONE =
            new CouncilMemory(AnalysisListener.NONE, IssueClaims.NONE, OpenIssues.NONE);
}
