package dev.canarycouncil.runtime.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar, for flags, config files and tool arguments alike: {@code 90s}, {@code 2m},
 * {@code 1h30m}, {@code 500ms}, or bare seconds ({@code 90}, {@code 1.5}).
 */
public final class DurationText {

    private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|s|m|h)");

    private DurationText() {}

    /** @throws IllegalArgumentException saying how to write one, for text that is not a positive duration */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim();
        Duration d;
        if (v.matches("\\d+")) {
            d = Duration.ofSeconds(Long.parseLong(v));
        } else if (v.matches("\\d+\\.\\d+")) {
            d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } else if (v.matches("(\\d+(ms|s|m|h))+")) {
            d = Duration.ZERO;
            Matcher m = PARTS.matcher(v);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(
                        switch (m.group(2)) {
                            case "ms" -> Duration.ofMillis(n);
                            case "s" -> Duration.ofSeconds(n);
                            case "m" -> Duration.ofMinutes(n);
                            default -> Duration.ofHours(n);
                        });
            }
        } else {
            throw new IllegalArgumentException("'" + value + "' is not a duration; use e.g. 90s, 2m or 1h30m");
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + value + "' must be longer than zero");
        }
        return d;
    }
}
