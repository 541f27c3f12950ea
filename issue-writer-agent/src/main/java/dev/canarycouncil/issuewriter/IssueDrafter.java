package dev.canarycouncil.issuewriter;

import dev.canarycouncil.issuewriter.code.SuspectCode;
import dev.canarycouncil.issuewriter.filing.IssueMarkers;
import dev.canarycouncil.issuewriter.prose.WrittenText;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.FailureFingerprint;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.List;

/**
 * Turns a rollback verdict into a remediation issue a maintainer (or a coding agent) can act on:
 * a title naming the failure, the evidence of every agent, the suspect code, a fix direction,
 * the rollout reference, and a fingerprint of the failure so the same failure is recognised when
 * it happens again.
 */
public final class IssueDrafter {

    public static final String FINGERPRINT_MARKER = IssueMarkers.FINGERPRINT;

    private final List<String> labels;

    public IssueDrafter(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    public IssueDraft draft(AnalysisRequest analysis, Verdict verdict) {
        return draft(analysis, verdict, SuspectCode.NOT_LOOKED_UP);
    }

    public IssueDraft draft(AnalysisRequest analysis, Verdict verdict, SuspectCode code) {
        return draft(analysis, verdict, code, WrittenText.TEMPLATE_ONLY);
    }

    /** @param written the model's sections, or {@link WrittenText#TEMPLATE_ONLY} */
    public IssueDraft draft(AnalysisRequest analysis, Verdict verdict, SuspectCode code, WrittenText written) {
        String fingerprint = fingerprint(analysis.service(), verdict.rootCause());
        // Evidence arrives redacted by the agents that produced it and is quoted as it is: redacting
        // it again would only add false positives. What the issue writer adds (code) is redacted where it is read.
        FailureReading failure = FailureReading.of(verdict);
        return IssueDraft.draft(
                        IssueTitle.of(analysis, verdict, failure),
                        IssueBody.render(analysis, verdict, failure, code, fingerprint, written),
                        labels,
                        fingerprint)
                .writtenBy(written.text() == null ? null : written.model(), written.usage())
                .suspectCode(IssueBody.suspectCode(code).strip())
                .build();
    }

    static String fingerprint(String service, String rootCause) {
        return FailureFingerprint.of(service, rootCause);
    }
}
