package dev.canarycouncil.evals.report;

import dev.canarycouncil.evals.scoring.AgentTrackRecord;
import dev.canarycouncil.evals.scoring.CaseResult;
import dev.canarycouncil.evals.scoring.Scorecard;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation run found, as written to {@code eval-report.json}.
 *
 * @param generatedAt  when the run ended
 * @param recordings   the directory evaluated
 * @param mode         {@code deterministic} or the model used
 * @param council      the council's figures
 * @param baselines    each baseline's figures, by name
 * @param perClass     the council's figures per failure class
 * @param agents       each member's own votes scored: per failure class, and its vote precision
 * @param cases        every case, in name order
 */
public record EvalReport(
        Instant generatedAt,
        String recordings,
        String mode,
        Scorecard council,
        Map<String, Scorecard> baselines,
        Map<String, Scorecard> perClass,
        Map<String, AgentTrackRecord> agents,
        List<CaseResult> cases) {}
