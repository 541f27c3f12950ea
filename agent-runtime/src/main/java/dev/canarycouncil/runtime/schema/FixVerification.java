package dev.canarycouncil.runtime.schema;

import java.util.Objects;

/**
 * What a canary says about an open remediation issue of its service: whether the failure the issue
 * describes is there again, ruled out by enough traffic, or not yet decidable.
 *
 * @param issueUrl    the issue
 * @param fingerprint the failure's fingerprint, as the issue carries it
 * @param outcome     failed, verified or too little traffic
 * @param needed      records the canary had to serve without the failure to rule it out at 99 %
 * @param seen        records read from the canary
 * @param occurrences the failure's records on this canary (0 unless failed)
 * @param text        the sentence the verdict, the page and the issue's comment use
 */
public record FixVerification(
        String issueUrl,
        String fingerprint,
        FixOutcome outcome,
        long needed,
        long seen,
        long occurrences,
        String text) {

    public FixVerification {
        Objects.requireNonNull(outcome, "outcome");
        issueUrl = issueUrl == null ? "" : issueUrl;
        fingerprint = fingerprint == null ? "" : fingerprint;
        text = text == null ? "" : text;
    }

    /** What the canary says about the fix. */
    public enum FixOutcome {
        /** The failure is on this canary again. */
        FAILED,
        /** Absent over at least the records needed to rule it out at 99 %. */
        VERIFIED,
        /** Absent, over fewer records than that: checked again at the next analysis. */
        TOO_LITTLE_TRAFFIC
    }
}
