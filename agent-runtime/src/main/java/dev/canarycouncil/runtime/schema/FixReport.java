package dev.canarycouncil.runtime.schema;

import java.util.Objects;

/**
 * What the issue writer is asked to tell each open issue a canary was checked against: a comment
 * with the evidence, the label {@code fix-verified} or {@code fix-failed}, and, when
 * {@code closeVerified} and the canary was promoted, closing a verified issue.
 *
 * @param verdict the analysis' verdict, whose {@code verifications} are reported
 */
public record FixReport(Verdict verdict, boolean closeVerified) {

    public FixReport {
        Objects.requireNonNull(verdict, "verdict");
    }
}
