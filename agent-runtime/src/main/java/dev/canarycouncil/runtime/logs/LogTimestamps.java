package dev.canarycouncil.runtime.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the timestamp at the start of a log line, in the forms real services write:
 * RFC 3339 ({@code 2026-05-05T10:00:01.123Z}, also with a space for T and without a zone, read as
 * UTC, with a comma before the fraction as Spring Boot and Python write it, and as logrus writes it
 * ({@code time="2026-05-05T10:00:01Z" level=info ...}), and the nginx/Apache access
 * log form ({@code ... [05/May/2026:10:00:01 +0000] ...}), and Go's standard log form
 * ({@code 2026/05/05 10:00:01}, read as UTC).
 */
public final class LogTimestamps {

    private static final Pattern ISO = Pattern.compile(
            "^(?:\\[|time=\"?)?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");
    /** Go's standard {@code log} package: {@code 2026/05/05 10:00:01} or with microseconds. */
    private static final Pattern GO_LOG = Pattern.compile("^(\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?");
    private static final Pattern CLF = Pattern.compile("\\[(\\d{2}/[A-Za-z]{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})]");
    private static final DateTimeFormatter CLF_FORMAT =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private LogTimestamps() {
    }

    /** The line's leading timestamp, or null when it has none. */
    public static Instant leading(String line) {
        if (line.isEmpty()) {
            return null;
        }
        Matcher iso = ISO.matcher(line);
        if (iso.find()) {
            try {
                String fraction = iso.group(3) == null ? "" : "." + iso.group(3);
                LocalDateTime local = LocalDateTime.parse(iso.group(1) + "T" + iso.group(2) + fraction);
                String zone = iso.group(4);
                ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC
                        : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
                return local.toInstant(offset);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher go = GO_LOG.matcher(line);
        if (go.find()) {
            try {
                String fraction = go.group(5) == null ? "" : "." + go.group(5);
                return LocalDateTime.parse(go.group(1) + "-" + go.group(2) + "-" + go.group(3) + "T" + go.group(4) + fraction)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (line.length() < 200 || line.indexOf('[') < 200) {
            Matcher clf = CLF.matcher(line);
            if (clf.find() && clf.start() < 200) {
                try {
                    return OffsetDateTime.parse(clf.group(1), CLF_FORMAT).toInstant();
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
