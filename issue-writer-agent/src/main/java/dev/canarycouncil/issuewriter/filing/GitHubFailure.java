package dev.canarycouncil.issuewriter.filing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.github.GitHubUnreachableException;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.text.Texts;
import java.io.FileNotFoundException;
import java.time.Instant;
import org.kohsuke.github.HttpException;

/**
 * Why a filing attempt failed, and whether trying again can help: an outage or a rate limit
 * passes, a rejected token or a missing repository does not (retrying those would only hammer
 * GitHub), and a draft GitHub refuses will be refused again.
 *
 * @param kind     what went wrong
 * @param message  a sentence for the reader; never a stack trace or a credential
 * @param retryAt  for a rate limit, when GitHub allows the next request; else null
 */
record GitHubFailure(Kind kind, String message, Instant retryAt) {

    enum Kind {
        /** 5xx, connection refused, no answer in time. */
        UNAVAILABLE,
        /** Primary or secondary rate limit. */
        RATE_LIMITED,
        /** 401: the token is wrong, expired or revoked. */
        TOKEN_REJECTED,
        /** 403 or 404: the token cannot see or write the repository. */
        NO_ACCESS,
        /** Another 4xx: GitHub refuses this draft (e.g. an unknown assignee). */
        REJECTED
    }

    boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.RATE_LIMITED;
    }

    /** Every filing should stop until the configuration is fixed. */
    boolean blocksAll() {
        return kind == Kind.TOKEN_REJECTED || kind == Kind.NO_ACCESS;
    }

    static GitHubFailure of(Throwable error, String repository) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof GitHubRateLimitedException limited) {
                return new GitHubFailure(Kind.RATE_LIMITED, limited.getMessage(), limited.retryAt());
            }
            if (t instanceof GitHubUnreachableException unreachable) {
                return new GitHubFailure(Kind.UNAVAILABLE, unreachable.getMessage(), null);
            }
            if (t instanceof HttpException http && http.getResponseCode() > 0) {
                return ofStatus(http.getResponseCode(), gitHubMessage(http.getMessage()), repository);
            }
            if (t instanceof FileNotFoundException) {
                return ofStatus(404, "Not Found", repository);
            }
        }
        return new GitHubFailure(
                Kind.UNAVAILABLE,
                "talking to GitHub failed (" + error.getClass().getSimpleName()
                        + (error.getMessage() == null ? "" : ": " + abbreviate(error.getMessage())) + ")",
                null);
    }

    static GitHubFailure ofStatus(int status, String gitHubMessage, String repository) {
        String says = gitHubMessage == null || gitHubMessage.isBlank() ? "" : " " + gitHubMessage;
        if (status == 401) {
            return new GitHubFailure(
                    Kind.TOKEN_REJECTED,
                    "GitHub rejected the token (HTTP 401" + says + "): configure a valid "
                            + "token with access to the issues of " + repository + " and restart the issue writer",
                    null);
        }
        if (status == 403) {
            return new GitHubFailure(
                    Kind.NO_ACCESS,
                    "GitHub refused access to " + repository + " (HTTP 403" + says
                            + "): the token needs read and write access to the repository's issues",
                    null);
        }
        if (status == 404 || status == 410) {
            return new GitHubFailure(
                    Kind.NO_ACCESS,
                    "GitHub has no repository " + repository + " that this token can see (HTTP " + status
                            + "), or its issues are disabled",
                    null);
        }
        if (status == 429) {
            return new GitHubFailure(Kind.RATE_LIMITED, "GitHub rate limit reached (HTTP 429)", null);
        }
        if (status == 408 || status >= 500) {
            return new GitHubFailure(Kind.UNAVAILABLE, "GitHub answered HTTP " + status + says, null);
        }
        return new GitHubFailure(Kind.REJECTED, "GitHub rejected the issue (HTTP " + status + says + ")", null);
    }

    /** GitHub's error bodies are JSON with a {@code message}; quote that, not the whole body. */
    private static String gitHubMessage(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode body = Json.mapper().readTree(text.substring(Math.max(0, text.indexOf('{'))));
            String message = body.path("message").asText("");
            JsonNode errors = body.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                message +=
                        " (" + first.path("field").asText(first.path("message").asText("")) + " "
                                + first.path("code").asText("") + ")";
            }
            return message.isBlank() ? null : abbreviate(message);
        } catch (Exception e) {
            return text.startsWith("{") || text.startsWith("<") ? null : abbreviate(text);
        }
    }

    private static String abbreviate(String s) {
        return Texts.abbreviate(Texts.oneLine(s), 160);
    }
}
