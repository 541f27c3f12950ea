package dev.canarycouncil.runtime.logs;

import java.time.DateTimeException;
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
        int prefix = line.startsWith("[") ? 1 : line.startsWith("time=\"") ? 6 : line.startsWith("time=") ? 5 : 0;
        try {
            Instant iso = dateTime(line, prefix, '-');
            if (iso != null) {
                return iso;
            }
            Instant go = dateTime(line, 0, '/');
            if (go != null) {
                return go;
            }
        } catch (DateTimeException e) {
            return null; // shaped like a timestamp, but no real date or time (month 13, hour 25)
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

    /**
     * The date-time at {@code p}, scanned by hand because it starts almost every log line and a
     * regular expression there cost more than the rest of a line's analysis.
     * {@code -} dates are ISO 8601 ({@code 2026-05-05T10:00:01.123Z}, a space for the T, a comma
     * for the dot, an offset {@code +02:00} or {@code +0200}; none means UTC); {@code /} dates
     * are Go's standard log package ({@code 2026/05/05 10:00:01.123456}, UTC).
     */
    private static Instant dateTime(String s, int p, char dateSeparator) {
        boolean iso = dateSeparator == '-';
        if (!digits(s, p, 4) || !is(s, p + 4, dateSeparator) || !digits(s, p + 5, 2) || !is(s, p + 7, dateSeparator)
                || !digits(s, p + 8, 2) || !(is(s, p + 10, ' ') || (iso && is(s, p + 10, 'T')))) {
            return null;
        }
        int time = p + 11;
        if (!digits(s, time, 2) || !is(s, time + 2, ':') || !digits(s, time + 3, 2) || !is(s, time + 5, ':')
                || !digits(s, time + 6, 2)) {
            return null;
        }
        int i = time + 8;
        int nanos = 0;
        if ((is(s, i, '.') || (iso && is(s, i, ','))) && digits(s, i + 1, 1)) {
            int digitsRead = 0;
            for (i = i + 1; digitsRead < 9 && digits(s, i, 1); i++, digitsRead++) {
                nanos = nanos * 10 + s.charAt(i) - '0';
            }
            for (int pad = digitsRead; pad < 9; pad++) {
                nanos *= 10;
            }
        }
        LocalDateTime local = LocalDateTime.of(number(s, p, 4), number(s, p + 5, 2), number(s, p + 8, 2),
                number(s, time, 2), number(s, time + 3, 2), number(s, time + 6, 2), nanos);
        ZoneOffset offset = ZoneOffset.UTC;
        if (iso && (is(s, i, '+') || is(s, i, '-')) && digits(s, i + 1, 2)) {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int minutesAt = is(s, i + 3, ':') ? i + 4 : i + 3;
            if (digits(s, minutesAt, 2)) {
                offset = ZoneOffset.ofHoursMinutes(sign * number(s, i + 1, 2), sign * number(s, minutesAt, 2));
            }
        }
        return local.toInstant(offset);
    }

    private static boolean is(String s, int at, char c) {
        return at < s.length() && s.charAt(at) == c;
    }

    private static boolean digits(String s, int at, int count) {
        if (at + count > s.length()) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            value = value * 10 + s.charAt(i) - '0';
        }
        return value;
    }
}
