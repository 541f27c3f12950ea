package dev.canarycouncil.runtime.testing;

import java.time.Instant;

/**
 * A pull request held by {@link GitHubFake}; immutable, replaced when merged or closed.
 *
 * @param mergeCommit the merge's commit, "" until merged
 * @param mergedAt    null until merged
 */
public record FakePullRequest(
        String repo,
        int number,
        long id,
        String title,
        String body,
        String state,
        Instant createdAt,
        Instant mergedAt,
        String mergeCommit) {

    public boolean merged() {
        return mergedAt != null;
    }

    FakePullRequest mergedAs(String commit, Instant at) {
        return new FakePullRequest(repo, number, id, title, body, "closed", createdAt, at, commit);
    }
}
