package dev.canarycouncil.issuewriter.filing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the issue writer files issues on GitHub.
 *
 * @param apiUrl          the REST API root, {@value #DEFAULT_API_URL} or a GitHub Enterprise {@code https://host/api/v3}
 * @param repository      {@code owner/name}
 * @param token           a token allowed to read and write the repository's issues; never printed
 * @param labels          labels for new issues; empty to use the draft's
 * @param assignee        login to assign new issues to (e.g. a coding agent's bot), or null
 * @param outboxDir       where drafts wait until GitHub confirmed them (survives restarts)
 * @param requestTimeout  limit for one GitHub request, so a hanging GitHub queues the draft in time
 * @param retryBase       first retry delay after an outage; doubles per failed attempt
 * @param retryCap        longest delay between retries after an outage (rate limits are waited out in full)
 */
public record GitHubFilingConfig(
        String apiUrl,
        String repository,
        String token,
        List<String> labels,
        String assignee,
        Path outboxDir,
        Duration requestTimeout,
        Duration retryBase,
        Duration retryCap) {

    public static final String DEFAULT_API_URL = "https://api.github.com";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RETRY_CAP = Duration.ofMinutes(15);

    public GitHubFilingConfig {
        apiUrl = apiUrl == null || apiUrl.isBlank()
                ? DEFAULT_API_URL
                : apiUrl.strip().replaceAll("/+$", "");
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new IllegalArgumentException(
                    "GitHub API URL must start with https:// (or http:// for a local test server), was " + apiUrl);
        }
        if (repository == null || !repository.strip().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("GitHub repository must be owner/name, was " + repository);
        }
        repository = repository.strip();
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a GitHub token is required to file issues in " + repository
                    + " (leave the repository unset for a dry run)");
        }
        token = token.strip();
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException(
                    "the GitHub token contains whitespace or control characters; check how it is passed");
        }
        labels = labels == null
                ? List.of()
                : labels.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assignee =
                assignee == null || assignee.isBlank() ? null : assignee.strip().replaceFirst("^@", "");
        Objects.requireNonNull(outboxDir, "outboxDir: drafts must have somewhere to wait while GitHub is unavailable");
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
        retryBase = positive(retryBase, DEFAULT_RETRY_BASE, "retryBase");
        retryCap = positive(retryCap, DEFAULT_RETRY_CAP, "retryCap");
        if (retryCap.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("retryCap " + retryCap + " is shorter than retryBase " + retryBase);
        }
    }

    /** github.com, the draft's labels, no assignee, default timeouts. */
    public static GitHubFilingConfig of(String repository, String token, Path outboxDir) {
        return new GitHubFilingConfig(null, repository, token, List.of(), null, outboxDir, null, null, null);
    }

    public GitHubFilingConfig withApiUrl(String url) {
        return new GitHubFilingConfig(
                url, repository, token, labels, assignee, outboxDir, requestTimeout, retryBase, retryCap);
    }

    public GitHubFilingConfig withLabels(List<String> newLabels) {
        return new GitHubFilingConfig(
                apiUrl, repository, token, newLabels, assignee, outboxDir, requestTimeout, retryBase, retryCap);
    }

    public GitHubFilingConfig withAssignee(String login) {
        return new GitHubFilingConfig(
                apiUrl, repository, token, labels, login, outboxDir, requestTimeout, retryBase, retryCap);
    }

    public GitHubFilingConfig withRequestTimeout(Duration timeout) {
        return new GitHubFilingConfig(
                apiUrl, repository, token, labels, assignee, outboxDir, timeout, retryBase, retryCap);
    }

    public GitHubFilingConfig withRetry(Duration base, Duration cap) {
        return new GitHubFilingConfig(
                apiUrl, repository, token, labels, assignee, outboxDir, requestTimeout, base, cap);
    }

    /** Everything but the token, which must not reach logs or messages. */
    @Override
    public String toString() {
        return "GitHubFilingConfig[apiUrl=" + apiUrl + ", repository=" + repository + ", token=<redacted>, labels="
                + labels
                + ", assignee=" + assignee + ", outboxDir=" + outboxDir + ", requestTimeout=" + requestTimeout
                + ", retryBase=" + retryBase + ", retryCap=" + retryCap + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
