package dev.canarycouncil.runtime.testing;

import java.time.Instant;

/** A comment on an issue held by {@link GitHubFake}. */
public record FakeComment(String repo, int issueNumber, long id, String body, String author, Instant createdAt) {}
