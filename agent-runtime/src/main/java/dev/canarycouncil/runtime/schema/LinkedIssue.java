package dev.canarycouncil.runtime.schema;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A remediation issue as GitHub has it now: whether it is still open, the failure it describes, and
 * the pull requests that refer to it.
 *
 * @param url          the issue's page
 * @param open         whether it is open
 * @param fingerprint  the failure's fingerprint from the issue's body; "" when it carries none
 * @param openedAt     when the issue was opened
 * @param signature    the failure as the body describes it; null when the body predates signatures
 * @param pullRequests the pull requests that refer to it, oldest first
 */
public record LinkedIssue(
        String url,
        boolean open,
        String fingerprint,
        Instant openedAt,
        FailureSignature signature,
        List<PullRequestLink> pullRequests) {

    public LinkedIssue {
        Objects.requireNonNull(url, "url");
        fingerprint = fingerprint == null ? "" : fingerprint;
        pullRequests = pullRequests == null ? List.of() : List.copyOf(pullRequests);
    }

    /** The failure to look for, when the issue's body describes it. */
    public Optional<FailureSignature> failure() {
        return Optional.ofNullable(signature);
    }
}
