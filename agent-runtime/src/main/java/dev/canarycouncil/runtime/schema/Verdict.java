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
 * @param mode         whether a model took part
 * @param decidedAt    when the decision was taken
 * @param durationMs   wall time of the analysis
 * @param analysis     the analysis in prose: written by the coordinator's model, or from a template
 * @param models       model use and degradations; null in deterministic mode
 * @param verifications what this canary says about its service's open remediation issues
 * @param verificationNotes what those checks could not read (an issue on GitHub, the canary's revision) and why
 * @param link         where the analysis stays readable (the orchestrator's page); empty when nothing keeps it,
 *                     as for a one-off {@code analyze}
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
        AnalysisMode mode,
        Instant decidedAt,
        long durationMs,
        String analysis,
        ModelAccounting models,
        List<FixVerification> verifications,
        List<String> verificationNotes,
        String link) {

    public Verdict {
        if (decision == null) {
            throw new IllegalArgumentException("a verdict needs a decision");
        }
        mode = mode == null ? AnalysisMode.DETERMINISTIC : mode;
        findings = findings == null ? List.of() : List.copyOf(findings);
        failures = failures == null ? List.of() : List.copyOf(failures);
        link = link == null ? "" : link;
        verifications = verifications == null ? List.of() : List.copyOf(verifications);
        verificationNotes = verificationNotes == null ? List.of() : List.copyOf(verificationNotes);
    }

    /** A verdict named part by part, as the council builds it before the narrative is written. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .analysisId(analysisId)
                .subject(subject)
                .decision(decision)
                .confidence(confidence)
                .rationale(rationale)
                .rootCause(rootCause)
                .remediation(remediation)
                .findings(findings)
                .failures(failures)
                .issue(issue)
                .mode(mode)
                .decidedAt(decidedAt)
                .durationMs(durationMs)
                .analysis(analysis)
                .models(models)
                .verifications(verifications)
                .verificationNotes(verificationNotes)
                .link(link);
    }

    public Verdict withIssue(IssueDraft draft) {
        return toBuilder().issue(draft).build();
    }

    public Verdict withVerifications(List<FixVerification> checked) {
        return toBuilder().verifications(checked).build();
    }

    /** @param notes what the checks could not read (an issue on GitHub, the canary's revision), and why */
    public Verdict withVerifications(List<FixVerification> checked, List<String> notes) {
        return toBuilder().verifications(checked).verificationNotes(notes).build();
    }

    public Verdict withDuration(long millis) {
        return toBuilder().durationMs(millis).build();
    }

    /** This verdict with its prose, root cause, mode and model accounting settled. */
    public Verdict withNarrative(
            String newAnalysis, String newRootCause, AnalysisMode newMode, ModelAccounting newModels) {
        return toBuilder()
                .analysis(newAnalysis)
                .rootCause(newRootCause)
                .mode(newMode)
                .models(newModels)
                .build();
    }

    /** Names each part; unset lists are empty, the mode deterministic and the decision time now. */
    public static final class Builder {
        private String analysisId;
        private VerdictSubject subject;
        private Decision decision;
        private int confidence;
        private String rationale;
        private String rootCause;
        private String remediation;
        private List<Finding> findings = List.of();
        private List<AgentFailure> failures = List.of();
        private IssueDraft issue;
        private AnalysisMode mode = AnalysisMode.DETERMINISTIC;
        private Instant decidedAt;
        private long durationMs;
        private String analysis;
        private ModelAccounting models;
        private String link = "";
        private List<FixVerification> verifications = List.of();
        private List<String> verificationNotes = List.of();

        private Builder() {}

        public Builder analysisId(String value) {
            this.analysisId = value;
            return this;
        }

        public Builder subject(VerdictSubject value) {
            this.subject = value;
            return this;
        }

        public Builder decision(Decision value) {
            this.decision = value;
            return this;
        }

        public Builder confidence(int value) {
            this.confidence = value;
            return this;
        }

        public Builder rationale(String value) {
            this.rationale = value;
            return this;
        }

        public Builder rootCause(String value) {
            this.rootCause = value;
            return this;
        }

        public Builder remediation(String value) {
            this.remediation = value;
            return this;
        }

        public Builder findings(List<Finding> value) {
            this.findings = value;
            return this;
        }

        public Builder failures(List<AgentFailure> value) {
            this.failures = value;
            return this;
        }

        /** The remediation issue drafted or filed on a rollback. */
        public Builder issue(IssueDraft value) {
            this.issue = value;
            return this;
        }

        public Builder mode(AnalysisMode value) {
            this.mode = value;
            return this;
        }

        public Builder decidedAt(Instant value) {
            this.decidedAt = value;
            return this;
        }

        public Builder durationMs(long value) {
            this.durationMs = value;
            return this;
        }

        public Builder analysis(String value) {
            this.analysis = value;
            return this;
        }

        public Builder models(ModelAccounting value) {
            this.models = value;
            return this;
        }

        public Builder verifications(List<FixVerification> value) {
            this.verifications = value;
            return this;
        }

        /** Where the analysis can be opened afterwards. */
        public Builder verificationNotes(List<String> value) {
            this.verificationNotes = value;
            return this;
        }

        public Builder link(String value) {
            this.link = value;
            return this;
        }

        public Verdict build() {
            return new Verdict(
                    analysisId,
                    subject,
                    decision,
                    confidence,
                    rationale,
                    rootCause,
                    remediation,
                    findings,
                    failures,
                    issue,
                    mode,
                    decidedAt == null ? Instant.now() : decidedAt,
                    durationMs,
                    analysis,
                    models,
                    verifications,
                    verificationNotes,
                    link);
        }
    }
}
