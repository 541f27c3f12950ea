package dev.canarycouncil.runtime.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a rate-limited or overloaded model server asked us to wait: OpenAI's
 * {@code retry-after-ms}, the standard {@code Retry-After} (seconds or an HTTP date), or Gemini's
 * {@code google.rpc.RetryInfo.retryDelay} in the error body.
 */
final class RetryDelays {

    private static final Pattern GEMINI_RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"");

    private RetryDelays() {}

    static Optional<Duration> requested(Map<String, List<String>> headers, String body, Instant now) {
        String millis = header(headers, "retry-after-ms");
        if (millis != null) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis))));
            } catch (NumberFormatException ignored) {
                // fall through to the other forms
            }
        }
        String retryAfter = header(headers, "retry-after");
        if (retryAfter != null) {
            Optional<Duration> d = parseRetryAfter(retryAfter, now);
            if (d.isPresent()) {
                return d;
            }
        }
        if (body != null) {
            Matcher m = GEMINI_RETRY_DELAY.matcher(body);
            if (m.find()) {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * 1000)));
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
