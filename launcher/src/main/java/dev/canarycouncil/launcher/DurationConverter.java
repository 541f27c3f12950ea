package dev.canarycouncil.launcher;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** Reads durations as people write them: {@code 90s}, {@code 2m}, {@code 1h30m}, or seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String v = value.trim();
        if (v.matches("\\d+")) {
            return positive(Duration.ofSeconds(Long.parseLong(v)), value);
        }
        if (!v.matches("(\\d+(ms|s|m|h))+")) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; use e.g. 90s, 2m or 1h30m");
        }
        Duration d = Duration.ZERO;
        Matcher m = PARTS.matcher(v);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return positive(d, value);
    }

    private static Duration positive(Duration d, String value) {
        if (d.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
        }
        return d;
    }
}
