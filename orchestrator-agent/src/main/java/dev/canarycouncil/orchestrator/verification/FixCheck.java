package dev.canarycouncil.orchestrator.verification;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.FailureSignature;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.FixVerification.FixOutcome;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Whether a new canary shows an earlier failure: present (the fix failed), absent over enough
 * records to rule it out at 99 % (the fix is verified), or absent over too few to tell (look again
 * next time). Never "verified" for want of logs: a canary whose logs could not be read is too little.
 */
public final class FixCheck {

    private FixCheck() {}

    /**
     * @param issueUrl    the open issue that describes the earlier failure
     * @param fingerprint the failure's fingerprint
     */
    public static FixVerification check(String issueUrl, String fingerprint, FailureSignature earlier, Verdict now) {
        long needed = RequiredExposure.toRuleOut(earlier.rate(), RequiredExposure.CONFIDENCE);
        List<Evidence> evidence = evidence(now);
        long seen = canaryRecords(evidence);
        Optional<LogTemplateEvidence> again = evidence.stream()
                .filter(LogTemplateEvidence.class::isInstance)
                .map(LogTemplateEvidence.class::cast)
                .filter(t -> t.canaryCount() > 0 && earlier.matches(t))
                .findFirst();
        if (again.isPresent()) {
            LogTemplateEvidence t = again.get();
            return new FixVerification(
                    issueUrl,
                    fingerprint,
                    FixOutcome.FAILED,
                    needed,
                    seen,
                    t.canaryCount(),
                    "seen again in canary " + now.subject().canaryHash() + ": " + t.canaryCount() + " of "
                            + t.canaryTotal() + " records (" + t.template() + ")",
                    List.of());
        }
        if (now.decision() == Decision.ROLLBACK) {
            // A canary that fails otherwise may never have reached the code the fix is in.
            return new FixVerification(
                    issueUrl,
                    fingerprint,
                    FixOutcome.NOT_CHECKED,
                    needed,
                    seen,
                    0,
                    "not seen in canary " + now.subject().canaryHash() + " over " + seen + " records, but the canary "
                            + "failed otherwise: a fix is verified only by a canary that is not rolled back; checked "
                            + "again at the next analysis",
                    List.of());
        }
        if (seen >= needed) {
            return new FixVerification(
                    issueUrl,
                    fingerprint,
                    FixOutcome.VERIFIED,
                    needed,
                    seen,
                    0,
                    "not seen in canary " + now.subject().canaryHash() + " over " + seen + " records (at its earlier "
                            + "rate it would have shown with 99 % probability within " + needed + ")",
                    List.of());
        }
        return new FixVerification(
                issueUrl,
                fingerprint,
                FixOutcome.TOO_LITTLE_TRAFFIC,
                needed,
                seen,
                0,
                "not seen in canary " + now.subject().canaryHash() + ", but over " + seen + " records only; " + needed
                        + " are needed to rule it out at 99 %: checked again at the next analysis",
                List.of());
    }

    /**
     * An issue whose failure has no log signature (it showed in metrics or pod states only, or the
     * issue predates signatures): said in the verdict rather than skipped in silence.
     */
    public static FixVerification notCheckable(String issueUrl, String fingerprint, Verdict now) {
        return new FixVerification(
                issueUrl,
                fingerprint,
                FixOutcome.NOT_CHECKED,
                0,
                canaryRecords(evidence(now)),
                0,
                "not checked in canary " + now.subject().canaryHash() + ": the failure this issue describes has "
                        + "no log signature (it showed in metrics or pod states only); check the fix by hand",
                List.of());
    }

    private static List<Evidence> evidence(Verdict v) {
        return v.findings().stream()
                .map(Finding::evidence)
                .flatMap(List::stream)
                .toList();
    }

    /** Records read from the canary: the log analyst's coverage, else the largest template denominator. */
    private static long canaryRecords(List<Evidence> evidence) {
        long covered = evidence.stream()
                .filter(LogCoverageEvidence.class::isInstance)
                .map(LogCoverageEvidence.class::cast)
                .filter(c -> "canary".equals(c.side()))
                .mapToLong(LogCoverageEvidence::records)
                .max()
                .orElse(0);
        long templates = evidence.stream()
                .filter(LogTemplateEvidence.class::isInstance)
                .map(LogTemplateEvidence.class::cast)
                .mapToLong(LogTemplateEvidence::canaryTotal)
                .max()
                .orElse(0);
        return Math.max(covered, templates);
    }
}
