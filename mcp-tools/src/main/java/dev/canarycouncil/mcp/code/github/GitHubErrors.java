package dev.canarycouncil.mcp.code.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.text.Texts;
import java.io.FileNotFoundException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kohsuke.github.HttpException;

/**
 * Turns github-api failures into {@link ToolException}s an agent can act on: what failed, against
 * which GitHub, GitHub's own one-line explanation, when to retry, and never a stack trace or the token.
 */
final class GitHubErrors {

    /** GitHub's advice when a secondary limit names no time: wait at least a minute. */
    private static final Duration UNNAMED_WAIT = Duration.ofSeconds(60);

    private final GitHubRepository repository;
    private final Clock clock;

    GitHubErrors(GitHubRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * @param action   what was attempted, reading after "when asked to", e.g. {@code search code in acme/checkout}
     * @param notFound the message for a 404, which only the caller can phrase (repository or file)
     */
    ToolException translate(Throwable failure, String action, String notFound) {
        HttpException http = find(failure, HttpException.class);
        int status = http == null ? -1 : http.getResponseCode();
        if (find(failure, FileNotFoundException.class) != null || status == 404) {
            return fail(Kind.NOT_FOUND, notFound);
        }
        if (status > 0) {
            return fromStatus(status, http, action);
        }
        if (find(failure, HttpTimeoutException.class) != null
                || find(failure, SocketTimeoutException.class) != null
                || find(failure, InterruptedIOException.class) != null) {
            return timedOut(action);
        }
        if (find(failure, ConnectException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, NoRouteToHostException.class) != null
                || find(failure, SocketException.class) != null) {
            Throwable cause = root(failure);
            return fail(
                    Kind.UNREACHABLE,
                    "cannot connect to GitHub at " + repository.apiUrl() + " to " + action + ": "
                            + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        }
        Throwable cause = root(failure);
        return fail(
                Kind.INTERNAL,
                "GitHub call failed when asked to " + action + ": "
                        + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage())));
    }

    ToolException timedOut(String action) {
        return fail(
                Kind.TIMEOUT,
                "GitHub at " + repository.apiUrl() + " did not answer within "
                        + repository.timeout().toMillis() + " ms (the per-call limit) when asked to " + action);
    }

    private ToolException fromStatus(int status, HttpException http, String action) {
        String detail = gitHubMessage(http.getMessage());
        Map<String, List<String>> headers = http.getResponseHeaderFields();
        String retryAfter = header(headers, "Retry-After");
        boolean primaryLimit = "0".equals(header(headers, "X-RateLimit-Remaining"));
        if (status == 401) {
            return fail(
                    Kind.FORBIDDEN,
                    "GitHub at " + repository.apiUrl() + " rejected the token (HTTP 401 " + detail + ") when asked to "
                            + action + ": it is missing, expired or revoked");
        }
        if ((status == 403 || status == 429)
                && (retryAfter != null
                        || primaryLimit
                        || detail.toLowerCase(Locale.ROOT).contains("rate limit"))) {
            Instant until = primaryLimit && retryAfter == null
                    ? resetTime(headers)
                    : clock.instant().plus(waitFor(retryAfter));
            String which = primaryLimit && retryAfter == null ? "the primary rate limit" : "a secondary rate limit";
            long seconds = Math.max(0, Duration.between(clock.instant(), until).toSeconds());
            return fail(
                    Kind.RATE_LIMITED,
                    "GitHub rate-limited the token (" + which + ", HTTP " + status + ") when asked to " + action
                            + ": retry after " + until.truncatedTo(ChronoUnit.SECONDS) + " (in " + seconds + " s)");
        }
        if (status == 403) {
            return fail(Kind.FORBIDDEN, "the token may not " + action + " (HTTP 403): " + detail);
        }
        if (status == 422 || status == 400) {
            return fail(Kind.INVALID_ARGUMENT, "GitHub refused to " + action + " (HTTP " + status + "): " + detail);
        }
        if (status >= 500) {
            return fail(
                    Kind.UNREACHABLE,
                    "GitHub at " + repository.apiUrl() + " answered HTTP " + status + " when asked to " + action
                            + " (failing or overloaded; retry later): " + detail);
        }
        return fail(Kind.INTERNAL, "GitHub answered HTTP " + status + " when asked to " + action + ": " + detail);
    }

    private Duration waitFor(String retryAfter) {
        try {
            return retryAfter == null ? UNNAMED_WAIT : Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return UNNAMED_WAIT;
        }
    }

    private Instant resetTime(Map<String, List<String>> headers) {
        try {
            return Instant.ofEpochSecond(
                    Long.parseLong(header(headers, "X-RateLimit-Reset").trim()));
        } catch (RuntimeException e) {
            return clock.instant().plus(UNNAMED_WAIT);
        }
    }

    /** Every message leaves through here, so a token GitHub might echo can never reach the client. */
    private ToolException fail(Kind kind, String message) {
        return new ToolException(kind, message.replace(repository.token(), "<redacted>"));
    }

    /** GitHub's JSON error body reduced to its {@code message}; github-api's own texts pass through. */
    private static String gitHubMessage(String body) {
        if (body == null || body.isBlank()) {
            return "no explanation given";
        }
        try {
            JsonNode json = Json.mapper().readTree(body);
            if (json.hasNonNull("message")) {
                return json.get("message").asText();
            }
        } catch (Exception notJson) {
            // Not JSON (an HTML error page or github-api's own text): keep its first line.
        }
        return firstLine(body);
    }

    private static String firstLine(String text) {
        return Texts.abbreviate(Texts.firstLine(text.strip()), 201);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey())
                    && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
