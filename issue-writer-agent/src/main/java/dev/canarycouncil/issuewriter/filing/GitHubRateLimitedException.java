package dev.canarycouncil.issuewriter.filing;

import java.time.Instant;
import org.kohsuke.github.GHIOException;

/** GitHub answered with a rate limit; nothing should be sent before {@link #retryAt()}. */
final class GitHubRateLimitedException extends GHIOException {

    private static final long serialVersionUID = 1L;

    private final transient Instant retryAt;

    GitHubRateLimitedException(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    Instant retryAt() {
        return retryAt;
    }
}
