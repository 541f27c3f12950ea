package dev.canarycouncil.runtime.schema;

import java.time.Instant;
import java.util.Objects;

/**
 * A pull request that refers to a remediation issue, as the timeline on GitHub shows it.
 *
 * @param number      the pull request's number in its repository
 * @param url         its page on GitHub
 * @param title       its title
 * @param state       open, closed without merging, or merged
 * @param openedAt    when it was opened
 * @param mergedAt    when it was merged; absent (null on the wire) unless merged
 * @param mergeCommit the commit its merge made; "" unless merged
 * @param underTest   whether the canary just analysed runs that commit (its image tag, a label or an
 *                    annotation names it)
 */
public record PullRequestLink(
        int number,
        String url,
        String title,
        PullRequestState state,
        Instant openedAt,
        Instant mergedAt,
        String mergeCommit,
        boolean underTest) {

    public PullRequestLink {
        Objects.requireNonNull(state, "state");
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        mergeCommit = mergeCommit == null ? "" : mergeCommit;
    }

    /** The same pull request, marked as the change the analysed canary runs. */
    public PullRequestLink asUnderTest() {
        return new PullRequestLink(number, url, title, state, openedAt, mergedAt, mergeCommit, true);
    }

    /** Where a pull request stands. */
    public enum PullRequestState {
        OPEN,
        CLOSED,
        MERGED
    }
}
