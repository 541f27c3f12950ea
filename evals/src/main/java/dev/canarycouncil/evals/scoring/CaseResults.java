package dev.canarycouncil.evals.scoring;

import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.Map;

/** Builds {@link CaseResult}s from what a run produced. */
public final class CaseResults {

    private CaseResults() {}

    /** @return null when the manifest states no expectation: such a recording cannot be scored */
    public static Expectation expectation(RolloutManifest manifest) {
        RolloutManifest.Expected e = manifest.expected();
        return e == null || e.verdict() == null
                ? null
                : new Expectation(e.verdict(), e.failureClass(), e.rootCause(), e.rootCauseKeywords());
    }

    public static CaseResult judged(
            String name,
            Expectation expected,
            Verdict v,
            long latencyMs,
            Map<String, Decision> baselines,
            Map<String, Long> baselineTokens) {
        String explanation =
                v.rootCause() + " " + (v.issue() == null ? "" : v.issue().title());
        boolean hit = expected.broken() && v.decision() == Decision.ROLLBACK && expected.rootCauseHit(explanation);
        long tokens = v.models() == null ? 0 : v.models().total().totalTokens();
        return new CaseResult(
                name,
                expected,
                v.decision(),
                v.confidence(),
                hit,
                latencyMs,
                tokens,
                baselines,
                baselineTokens,
                null,
                v);
    }

    public static CaseResult failed(
            String name, Expectation expected, String error, long latencyMs, Map<String, Decision> baselines) {
        return new CaseResult(name, expected, null, 0, false, latencyMs, 0, baselines, Map.of(), error, null);
    }
}
