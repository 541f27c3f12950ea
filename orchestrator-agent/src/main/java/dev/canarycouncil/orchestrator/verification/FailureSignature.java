package dev.canarycouncil.orchestrator.verification;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rolled-back canary's failure looked like in its logs, to be looked for in a later canary:
 * the log template that carried it, the code location it pointed at, and how often it struck.
 *
 * @param template    the template text, variables as {@code <*>}
 * @param location    the top application frame ({@code file:line}), or empty
 * @param occurrences records of the template on the broken canary
 * @param exposure    all records read from the broken canary (the rate's denominator)
 */
public record FailureSignature(String template, Optional<String> location, long occurrences, long exposure) {

    public FailureSignature {
        Objects.requireNonNull(template, "template");
        if (occurrences < 1 || exposure < occurrences) {
            throw new IllegalArgumentException(
                    "a failure signature needs 1 to " + exposure + " occurrences, had " + occurrences);
        }
    }

    /** The failure's rate per record on the broken canary. */
    public double rate() {
        return (double) occurrences / exposure;
    }

    /** Whether a template of a later canary is this failure: the same template, or the same code location. */
    public boolean matches(LogTemplateEvidence t) {
        return template.equals(t.template())
                || (location.isPresent() && location.get().equals(t.location()));
    }

    /**
     * The rollback's failure as its logs showed it: the most frequent critical or error template that
     * the canary had and the stable did not. Empty when the rollback rests on no such template (a
     * metric alone, a pod state): those failures are checked by their metric, not here.
     */
    public static Optional<FailureSignature> of(Verdict rollback) {
        if (rollback.decision() != Decision.ROLLBACK) {
            return Optional.empty();
        }
        return rollback.findings().stream()
                .map(Finding::evidence)
                .flatMap(java.util.List::stream)
                .filter(LogTemplateEvidence.class::isInstance)
                .map(LogTemplateEvidence.class::cast)
                .filter(FailureSignature::failing)
                .max(Comparator.comparingLong(LogTemplateEvidence::canaryCount))
                .map(t -> new FailureSignature(
                        t.template(), Optional.ofNullable(t.location()), t.canaryCount(), t.canaryTotal()));
    }

    private static boolean failing(Evidence e) {
        LogTemplateEvidence t = (LogTemplateEvidence) e;
        return (t.severity() == Severity.CRITICAL || t.severity() == Severity.ERROR)
                && t.canaryCount() > 0
                && t.stableCount() == 0
                && t.canaryTotal() >= t.canaryCount();
    }
}
