package dev.canarycouncil.evals.scoring;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.Map;

/**
 * One recording judged once.
 *
 * @param name          the recording's directory name
 * @param expected      what a good judge concludes
 * @param decision      what the council decided; null when the analysis itself failed
 * @param confidence    the council's confidence, 0–100
 * @param rootCauseHit  whether the verdict's explanation names the expected cause (broken cases only)
 * @param latencyMs     wall time of the analysis over HTTP
 * @param tokens        model tokens spent (0 in deterministic mode)
 * @param baselines     each baseline's decision, by baseline name
 * @param baselineTokens model tokens each baseline spent, by name (model baselines only)
 * @param error         why the analysis failed, or null
 * @param verdict       the whole verdict, for the report's evidence; null when the analysis failed
 */
public record CaseResult(
        String name,
        Expectation expected,
        Decision decision,
        int confidence,
        boolean rootCauseHit,
        long latencyMs,
        long tokens,
        Map<String, Decision> baselines,
        Map<String, Long> baselineTokens,
        String error,
        Verdict verdict) {

    public CaseResult {
        baselines = baselines == null ? Map.of() : Map.copyOf(baselines);
        baselineTokens = baselineTokens == null ? Map.of() : Map.copyOf(baselineTokens);
    }

    public boolean correct() {
        return decision == expected.verdict();
    }

    /** A broken canary promoted. */
    public boolean falsePromote() {
        return expected.broken() && decision == Decision.PROMOTE;
    }

    /** A healthy canary rolled back. */
    public boolean falseRollback() {
        return expected.verdict() == Decision.PROMOTE && decision == Decision.ROLLBACK;
    }
}
