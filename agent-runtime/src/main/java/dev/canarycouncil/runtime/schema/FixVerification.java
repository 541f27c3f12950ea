package dev.canarycouncil.runtime.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a canary says about an open remediation issue of its service: whether the failure the issue
 * describes is there again, ruled out by enough traffic, or not yet decidable.
 *
 * @param issueUrl     the issue
 * @param fingerprint  the failure's fingerprint, as the issue carries it
 * @param outcome      failed, verified, too little traffic, or not checkable from logs
 * @param needed       records the canary had to serve without the failure to rule it out at 99 %
 * @param seen         records read from the canary
 * @param occurrences  the failure's records on this canary (0 unless failed)
 * @param text         the sentence the verdict, the page and the issue's comment use
 * @param pullRequests the pull requests that refer to the issue, the one this canary runs marked
 */
public record FixVerification(
        String issueUrl,
        String fingerprint,
        FixOutcome outcome,
        long needed,
        long seen,
        long occurrences,
        String text,
        List<PullRequestLink> pullRequests) {

    public FixVerification {
        Objects.requireNonNull(outcome, "outcome");
        issueUrl = issueUrl == null ? "" : issueUrl;
        fingerprint = fingerprint == null ? "" : fingerprint;
        text = text == null ? "" : text;
        pullRequests = pullRequests == null ? List.of() : List.copyOf(pullRequests);
    }

    public FixVerification withPullRequests(List<PullRequestLink> links) {
        return new FixVerification(issueUrl, fingerprint, outcome, needed, seen, occurrences, text, links);
    }

    /** The pull request whose merge commit this canary runs, when one does. */
    public Optional<PullRequestLink> fixUnderTest() {
        return pullRequests.stream().filter(PullRequestLink::underTest).findFirst();
    }

    /** What the canary says about the fix. */
    public enum FixOutcome {
        /** The failure is on this canary again. */
        FAILED,
        /** Absent over at least the records needed to rule it out at 99 %. */
        VERIFIED,
        /** Absent, over fewer records than that: checked again at the next analysis. */
        TOO_LITTLE_TRAFFIC,
        /** The failure showed in metrics or pod states only, or the issue does not describe it: not checked. */
        NOT_CHECKED;

        /** Whether the canary decided anything about the fix (worth a comment on the issue). */
        public boolean decided() {
            return this == FAILED || this == VERIFIED;
        }
    }
}
