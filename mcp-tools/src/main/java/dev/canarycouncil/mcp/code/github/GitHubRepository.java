package dev.canarycouncil.mcp.code.github;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Which GitHub repository the code tools read, and how.
 *
 * @param apiUrl  the REST API base, {@code https://api.github.com} or a GitHub Enterprise {@code https://HOST/api/v3}
 * @param owner   the owner (user or organisation)
 * @param name    the repository name
 * @param ref     branch, tag or commit files are read at, or null for the default branch; code search
 *                always covers only the default branch (GitHub indexes nothing else)
 * @param token   the token sent as {@code Authorization: token ...}; never printed ({@link #toString()} redacts it)
 * @param timeout the limit for one tool call, all of its GitHub requests included
 */
public record GitHubRepository(String apiUrl, String owner, String name, String ref, String token, Duration timeout) {

    public static final String DEFAULT_API_URL = "https://api.github.com";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public GitHubRepository {
        apiUrl = (apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl).replaceAll("/+$", "");
        URI uri = URI.create(apiUrl);
        if (uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("GitHub API URL must be http(s)://host[/path], got '" + apiUrl + "'");
        }
        requireSegment(owner, "owner");
        requireSegment(name, "repository name");
        ref = ref == null || ref.isBlank() ? null : ref;
        if (token == null || token.isBlank()) {
            // GitHub's code search refuses anonymous callers, so a missing token is a configuration error.
            throw new IllegalArgumentException("a GitHub token is required to search code in " + owner + "/" + name);
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** {@code owner/name} on github.com, default branch and timeout. */
    public static GitHubRepository of(String ownerAndName, String token) {
        int slash = ownerAndName == null ? -1 : ownerAndName.indexOf('/');
        if (slash <= 0 || slash != ownerAndName.lastIndexOf('/')) {
            throw new IllegalArgumentException("GitHub repository must be owner/name, got '" + ownerAndName + "'");
        }
        return new GitHubRepository(
                null, ownerAndName.substring(0, slash), ownerAndName.substring(slash + 1), null, token, null);
    }

    public GitHubRepository withApiUrl(String url) {
        return new GitHubRepository(url, owner, name, ref, token, timeout);
    }

    public GitHubRepository withRef(String newRef) {
        return new GitHubRepository(apiUrl, owner, name, newRef, token, timeout);
    }

    public GitHubRepository withTimeout(Duration newTimeout) {
        return new GitHubRepository(apiUrl, owner, name, ref, token, newTimeout);
    }

    public String fullName() {
        return owner + "/" + name;
    }

    /** For logs and the server's description: where the code comes from, never the token. */
    public String description() {
        return "GitHub repository " + fullName() + (ref == null ? "" : "@" + ref) + " at " + apiUrl;
    }

    @Override
    public String toString() {
        return "GitHubRepository[apiUrl=" + apiUrl + ", repository=" + fullName() + ", ref=" + ref
                + ", token=<redacted>, timeout=" + timeout + "]";
    }

    private static void requireSegment(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!value.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("invalid GitHub " + what + " '" + value + "'");
        }
    }
}
