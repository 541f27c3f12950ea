package dev.canarycouncil.runtime.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rolled-back canary's failure looked like in its logs, to be looked for in a later canary:
 * the log template that carried it, the code location it pointed at, and how often it struck. The
 * issue writer hides it in the body, so a council that has no history of the issue (a new
 * database, another installation) can still check it.
 *
 * @param template    the template text, variables as {@code <*>}
 * @param location    the top application frame ({@code file:line}), or "" when the template names none
 * @param occurrences records of the template on the broken canary
 * @param exposure    all records read from the broken canary (the rate's denominator)
 * @param canaryHash  the broken canary's pod-template hash: analysed again, it tests no fix; "" when unknown
 */
public record FailureSignature(String template, String location, long occurrences, long exposure, String canaryHash) {

    public FailureSignature {
        Objects.requireNonNull(template, "template");
        location = location == null ? "" : location;
        canaryHash = canaryHash == null ? "" : canaryHash;
        if (occurrences < 1 || exposure < occurrences) {
            throw new IllegalArgumentException(
                    "a failure signature needs 1 to " + exposure + " occurrences, had " + occurrences);
        }
    }

    /** Whether {@code canary} is the broken canary itself, analysed again (Argo measures a step many times). */
    public boolean shownBy(String canary) {
        return !canaryHash.isEmpty() && canaryHash.equals(canary);
    }

    /** The failure's rate per record on the broken canary. */
    public double rate() {
        return (double) occurrences / exposure;
    }

    /** Whether a template of a later canary is this failure: the same template, or the same code location. */
    public boolean matches(LogTemplateEvidence t) {
        return template.equals(t.template())
                || (!t.aggregate() && !location.isEmpty() && location.equals(t.location()));
    }

    /**
     * The rollback's failure as its logs showed it: the most frequent critical or error template that
     * the canary had and the stable did not. Empty when the rollback rests on no such template (a
     * metric alone, a pod state): the verdict then says the fix cannot be checked from logs.
     */
    public static Optional<FailureSignature> of(Verdict rollback) {
        if (rollback.decision() != Decision.ROLLBACK) {
            return Optional.empty();
        }
        return rollback.findings().stream()
                .map(Finding::evidence)
                .flatMap(List::stream)
                .filter(LogTemplateEvidence.class::isInstance)
                .map(LogTemplateEvidence.class::cast)
                .filter(FailureSignature::failing)
                // One message's template names the failure; the overall error surge only when nothing else does.
                .max(Comparator.comparing((LogTemplateEvidence t) -> !t.aggregate())
                        .thenComparingLong(LogTemplateEvidence::canaryCount))
                .map(t -> new FailureSignature(
                        t.template(),
                        t.location(),
                        t.canaryCount(),
                        t.canaryTotal(),
                        rollback.subject() == null ? "" : rollback.subject().canaryHash()));
    }

    private static boolean failing(LogTemplateEvidence t) {
        return (t.severity() == Severity.CRITICAL || t.severity() == Severity.ERROR)
                && t.canaryCount() > 0
                && t.stableCount() == 0
                && t.canaryTotal() >= t.canaryCount();
    }
}
