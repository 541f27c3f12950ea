package dev.canarycouncil.issuewriter.filing;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Rate limits end the attempt with the time GitHub asked us to wait, instead of github-api's
 * default of sleeping in the caller's thread (which would hold an A2A task for up to an hour).
 */
final class RateLimitHandlers {

    /** GitHub's advice when a secondary limit gives no Retry-After. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private RateLimitHandlers() {}

    /** 403 with {@code X-RateLimit-Remaining: 0}. */
    static GitHubRateLimitHandler primary(Clock clock) {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                throw limited(response, clock);
            }
        };
    }

    /** 429, or 403 with {@code Retry-After} (secondary limits). */
    static GitHubAbuseLimitHandler secondary(Clock clock) {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                throw limited(response, clock);
            }
        };
    }

    static GitHubRateLimitedException limited(GitHubConnectorResponse response, Clock clock) {
        Instant at = retryAt(
                response.header("Retry-After"),
                response.header("X-RateLimit-Remaining"),
                response.header("X-RateLimit-Reset"),
                response.header("Date"),
                clock.instant());
        return new GitHubRateLimitedException("GitHub rate limit reached (HTTP " + response.statusCode() + ")", at);
    }

    /**
     * When to try again: {@code Retry-After} (seconds or an HTTP date), else the primary limit's
     * reset time (read against GitHub's own clock, as ours may differ), else a minute.
     */
    static Instant retryAt(String retryAfter, String remaining, String reset, String date, Instant now) {
        if (retryAfter != null && !retryAfter.isBlank()) {
            try {
                return now.plusSeconds(Math.max(1, Long.parseLong(retryAfter.strip())));
            } catch (NumberFormatException e) {
                Instant at = httpDate(retryAfter);
                if (at != null) {
                    return at.isAfter(now) ? at : now.plusSeconds(1);
                }
            }
        }
        if ("0".equals(remaining) && reset != null) {
            try {
                Instant resetAt = Instant.ofEpochSecond(Long.parseLong(reset.strip()));
                Instant serverNow = date == null ? null : httpDate(date);
                Duration wait = Duration.between(serverNow == null ? now : serverNow, resetAt);
                return now.plus(wait.isNegative() ? Duration.ZERO : wait).plusSeconds(1);
            } catch (NumberFormatException e) {
                // Fall through to the default wait.
            }
        }
        return now.plus(DEFAULT_WAIT);
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
