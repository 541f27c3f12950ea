package dev.canarycouncil.runtime.schema;

import java.time.Instant;
import java.util.List;

/**
 * The council's answer for one canary analysis.
 *
 * @param analysisId   id shared by every message of this analysis
 * @param subject      which canary was judged
 * @param decision     promote, rollback or inconclusive
 * @param confidence   0–100, how sure the council is of {@code decision}
 * @param rationale    how the findings were weighed, naming agents that failed
 * @param rootCause    the most likely cause of a failure, or "none"
 * @param remediation  what to do next
 * @param findings     every usable finding, one per agent
 * @param failures     agents that were asked but gave no usable finding
 * @param issue        the remediation issue drafted or filed on rollback, else null
 * @param mode         {@code deterministic} when no model was consulted
 * @param decidedAt    when the decision was taken
 * @param durationMs   wall time of the analysis
 * @param analysis     the analysis in prose: written by the coordinator's model, or from a template
 * @param models       model use and degradations; null in deterministic mode
 */
public record Verdict(
        String analysisId,
        VerdictSubject subject,
        Decision decision,
        int confidence,
        String rationale,
        String rootCause,
        String remediation,
        List<Finding> findings,
        List<AgentFailure> failures,
        IssueDraft issue,
        String mode,
        Instant decidedAt,
        long durationMs,
        String analysis,
        ModelAccounting models) {

    public Verdict {
        findings = findings == null ? List.of() : List.copyOf(findings);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** A verdict without prose or model accounting, as in deterministic mode before the narrative is written. */
    public Verdict(String analysisId, VerdictSubject subject, Decision decision, int confidence, String rationale,
                   String rootCause, String remediation, List<Finding> findings, List<AgentFailure> failures,
                   IssueDraft issue, String mode, Instant decidedAt, long durationMs) {
        this(analysisId, subject, decision, confidence, rationale, rootCause, remediation, findings, failures, issue,
                mode, decidedAt, durationMs, null, null);
    }

    public Verdict withIssue(IssueDraft draft) {
        return new Verdict(analysisId, subject, decision, confidence, rationale, rootCause, remediation, findings,
                failures, draft, mode, decidedAt, durationMs, analysis, models);
    }

    public Verdict withDuration(long millis) {
        return new Verdict(analysisId, subject, decision, confidence, rationale, rootCause, remediation, findings,
                failures, issue, mode, decidedAt, millis, analysis, models);
    }

    /** This verdict with its prose, root cause, mode and model accounting settled. */
    public Verdict withNarrative(String newAnalysis, String newRootCause, String newMode, ModelAccounting newModels) {
        return new Verdict(analysisId, subject, decision, confidence, rationale, newRootCause, remediation, findings,
                failures, issue, newMode, decidedAt, durationMs, newAnalysis, newModels);
    }
}
