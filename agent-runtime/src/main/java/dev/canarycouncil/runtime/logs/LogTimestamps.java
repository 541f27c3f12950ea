package dev.canarycouncil.runtime.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Finds the timestamp a log line starts with, in the forms real services write. Scanned by hand,
 * because it runs on almost every log line and a regular expression there cost more than the rest
 * of a line's analysis. A date or time without a zone is read as UTC.
 *
 * <ul>
 *   <li>RFC 3339 / ISO 8601: {@code 2026-05-05T10:00:01.123Z}, a space for the T, a comma before the
 *       fraction (Spring Boot, Python), an offset with or without a colon or after a space
 *       ({@code 2026-05-05 10:00:01 +0000}, gunicorn); also inside brackets, after logfmt's
 *       {@code time=} and after Ruby's Logger prefix ({@code I, [2026-05-05T10:00:01.123456 #1]});</li>
 *   <li>Go's standard log: {@code 2026/05/05 10:00:01} (nginx's error log too);</li>
 *   <li>the common log format of access logs anywhere in the first 200 characters:
 *       {@code [05/May/2026:10:00:01 +0000]}, also with milliseconds and no zone (HAProxy);</li>
 *   <li>Werkzeug and Django: {@code [05/May/2026 10:00:01]}; php-fpm: {@code [05-May-2026 10:00:01]};
 *       Apache's error log: {@code [Tue May 05 10:00:01.123456 2026]};</li>
 *   <li>java.util.logging: {@code May 05, 2026 10:00:01 AM};</li>
 *   <li>without a year, only when the caller supplies one ({@link #find(String, int)}): syslog
 *       ({@code May  5 10:00:01}) and klog ({@code I0505 10:00:01.123456}).</li>
 * </ul>
 */
public final class LogTimestamps {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /**
     * A timestamp found in a line.
     *
     * @param start where it starts in the line
     * @param end   where the text after it starts (after a closing bracket, when it had one)
     */
    public record Found(Instant instant, int start, int end) {}

    private LogTimestamps() {}

    /** The line's leading timestamp, or null when it has none (or only one without a year). */
    public static Instant leading(String line) {
        Found found = find(line, 0);
        return found == null ? null : found.instant();
    }

    /**
     * The line's timestamp and where it lies, or null.
     *
     * @param yearForYearless the year to give timestamps written without one (klog, syslog); 0 to ignore those
     */
    public static Found find(String line, int yearForYearless) {
        if (line.isEmpty()) {
            return null;
        }
        try {
            return scan(line, yearForYearless);
        } catch (DateTimeException e) {
            return null; // shaped like a timestamp, but no real date or time (month 13, hour 25)
        }
    }

    private static Found scan(String s, int year) {
        char c = s.charAt(0);
        if (digit(c)) {
            Found f = iso(s, 0);
            if (f == null) {
                f = goDate(s, 0);
            }
            return f != null ? f : commonLogFormat(s);
        }
        if (c == '[') {
            Found f = iso(s, 1);
            if (f == null) {
                f = bracketed(s);
            }
            return f != null ? closed(s, f) : commonLogFormat(s);
        }
        if (s.startsWith("time=")) {
            Found f = iso(s, s.startsWith("time=\"") ? 6 : 5);
            return f != null ? f : commonLogFormat(s);
        }
        if (s.length() > 5 && s.charAt(1) == ',' && s.charAt(2) == ' ' && s.charAt(3) == '[') {
            Found f = iso(s, 4); // Ruby's Logger: "I, [2026-05-05T10:00:01.123456 #1]  INFO -- : ..."
            if (f != null) {
                int close = s.indexOf(']', f.end());
                return new Found(f.instant(), 0, close < 0 ? f.end() : close + 1);
            }
        }
        if (c >= 'A' && c <= 'Z') {
            Found f = afterLevelWord(s);
            if (f != null) {
                return f;
            }
            f = julDate(s);
            if (f == null && year > 0) {
                f = klog(s, year);
                if (f == null) {
                    f = syslog(s, year);
                }
            }
            if (f != null) {
                return f;
            }
        }
        return commonLogFormat(s);
    }

    /** A bracketed timestamp ends after its bracket, when the bracket closes right after it. */
    private static Found closed(String s, Found f) {
        return is(s, f.end(), ']') ? new Found(f.instant(), 0, f.end() + 1) : new Found(f.instant(), 0, f.end());
    }

    /**
     * {@code 2026-05-05T10:00:01.123Z} at {@code p}: a space for the T, a comma for the dot, an offset
     * {@code +02:00}, {@code +0200} or {@code Z}, also after one space; none means UTC.
     */
    private static Found iso(String s, int p) {
        if (!digits(s, p, 4)
                || !is(s, p + 4, '-')
                || !digits(s, p + 5, 2)
                || !is(s, p + 7, '-')
                || !digits(s, p + 8, 2)
                || !(is(s, p + 10, ' ') || is(s, p + 10, 'T'))) {
            return null;
        }
        return time(s, p, p + 11, true);
    }

    /** Go's standard log package: {@code 2026/05/05 10:00:01.123456}, UTC. */
    private static Found goDate(String s, int p) {
        if (!digits(s, p, 4)
                || !is(s, p + 4, '/')
                || !digits(s, p + 5, 2)
                || !is(s, p + 7, '/')
                || !digits(s, p + 8, 2)
                || !is(s, p + 10, ' ')) {
            return null;
        }
        return time(s, p, p + 11, false);
    }

    /** The time and zone of an ISO or Go date whose date part starts at {@code p}. */
    private static Found time(String s, int p, int t, boolean zones) {
        if (!clock(s, t)) {
            return null;
        }
        int i = t + 8;
        int nanos = 0;
        if ((is(s, i, '.') || (zones && is(s, i, ','))) && digits(s, i + 1, 1)) {
            int end = digitsEnd(s, i + 1);
            nanos = nanos(s, i + 1, end);
            i = end;
        }
        LocalDateTime local = LocalDateTime.of(
                number(s, p, 4),
                number(s, p + 5, 2),
                number(s, p + 8, 2),
                number(s, t, 2),
                number(s, t + 3, 2),
                number(s, t + 6, 2),
                nanos);
        ZoneOffset offset = ZoneOffset.UTC;
        if (zones) {
            if (is(s, i, 'Z')) {
                i++;
            } else {
                int z = is(s, i, ' ') && (is(s, i + 1, '+') || is(s, i + 1, '-')) && digits(s, i + 2, 4) ? i + 1 : i;
                if ((is(s, z, '+') || is(s, z, '-')) && digits(s, z + 1, 2)) {
                    int sign = s.charAt(z) == '-' ? -1 : 1;
                    int minutesAt = is(s, z + 3, ':') ? z + 4 : z + 3;
                    if (digits(s, minutesAt, 2)) {
                        offset = ZoneOffset.ofHoursMinutes(sign * number(s, z + 1, 2), sign * number(s, minutesAt, 2));
                        i = minutesAt + 2;
                    }
                }
            }
        }
        return new Found(local.toInstant(offset), p, i);
    }

    /**
     * The bracketed forms without ISO dates: Werkzeug and Django {@code [05/May/2026 10:00:01]},
     * php-fpm {@code [05-May-2026 10:00:01]}, Apache's error log {@code [Tue May 05 10:00:01.123456 2026]}.
     */
    private static Found bracketed(String s) {
        if (digits(s, 1, 2)
                && (is(s, 3, '/') || is(s, 3, '-'))
                && month(s, 4) > 0
                && is(s, 7, s.charAt(3))
                && digits(s, 8, 4)
                && (is(s, 12, ' ') || is(s, 12, ':'))
                && clock(s, 13)) {
            return dayMonthYear(s, 1, 13);
        }
        if (s.length() > 28
                && Character.isLetter(s.charAt(1))
                && is(s, 4, ' ')
                && month(s, 5) > 0
                && is(s, 8, ' ')
                && digits(s, 9, 2)
                && is(s, 11, ' ')
                && clock(s, 12)) {
            int i = 20;
            int nanos = 0;
            if (is(s, i, '.')) {
                int end = digitsEnd(s, i + 1);
                nanos = nanos(s, i + 1, end);
                i = end;
            }
            if (is(s, i, ' ') && digits(s, i + 1, 4)) {
                LocalDateTime local = LocalDateTime.of(
                        number(s, i + 1, 4),
                        month(s, 5),
                        number(s, 9, 2),
                        number(s, 12, 2),
                        number(s, 15, 2),
                        number(s, 18, 2),
                        nanos);
                return new Found(local.toInstant(ZoneOffset.UTC), 0, i + 5);
            }
        }
        return null;
    }

    /**
     * {@code dd/Mon/yyyy:HH:mm:ss} with the day at {@code p} and the clock at {@code t}, an optional
     * fraction and an optional {@code +zzzz} zone after a space.
     */
    private static Found dayMonthYear(String s, int p, int t) {
        int i = t + 8;
        int nanos = 0;
        if (is(s, i, '.') && digits(s, i + 1, 1)) {
            int end = digitsEnd(s, i + 1);
            nanos = nanos(s, i + 1, end);
            i = end;
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (is(s, i, ' ') && (is(s, i + 1, '+') || is(s, i + 1, '-')) && digits(s, i + 2, 4)) {
            int sign = s.charAt(i + 1) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * number(s, i + 2, 2), sign * number(s, i + 4, 2));
            i += 6;
        }
        LocalDateTime local = LocalDateTime.of(
                number(s, p + 7, 4),
                month(s, p + 3),
                number(s, p, 2),
                number(s, t, 2),
                number(s, t + 3, 2),
                number(s, t + 6, 2),
                nanos);
        return new Found(local.toInstant(offset), p - 1, is(s, i, ']') ? i + 1 : i);
    }

    /**
     * The access-log form {@code [05/May/2026:10:00:01 +0000]} within the first 200 characters, also
     * with a space for the colon (Werkzeug's {@code 10.0.0.5 - - [05/May/2026 10:00:01] "GET ..."}).
     */
    private static Found commonLogFormat(String s) {
        int limit = Math.min(s.length(), 200);
        for (int b = s.indexOf('['); b >= 0 && b < limit; b = s.indexOf('[', b + 1)) {
            if (digits(s, b + 1, 2)
                    && is(s, b + 3, '/')
                    && month(s, b + 4) > 0
                    && is(s, b + 7, '/')
                    && digits(s, b + 8, 4)
                    && (is(s, b + 12, ':') || is(s, b + 12, ' '))
                    && clock(s, b + 13)) {
                Found f = dayMonthYear(s, b + 1, b + 13);
                return new Found(f.instant(), b, f.end());
            }
        }
        // php-fpm's access log writes the date without brackets: 10.0.0.5 -  05/May/2026:10:00:01 +0000 "GET /x" 200
        for (int slash = s.indexOf('/'); slash >= 3 && slash < limit; slash = s.indexOf('/', slash + 1)) {
            int d = slash - 2;
            if (is(s, d - 1, ' ')
                    && digits(s, d, 2)
                    && month(s, slash + 1) > 0
                    && is(s, slash + 4, '/')
                    && digits(s, slash + 5, 4)
                    && is(s, slash + 9, ':')
                    && clock(s, slash + 10)
                    && is(s, slash + 18, ' ')
                    && (is(s, slash + 19, '+') || is(s, slash + 19, '-'))) {
                return dayMonthYear(s, d, slash + 10);
            }
        }
        return null;
    }

    /**
     * An ISO date after a leading upper-case level word, as Django's "verbose" formatter writes it:
     * {@code ERROR 2026-05-05 10:00:01,123 log 8 1401 Internal Server Error: /cart/}.
     */
    private static Found afterLevelWord(String s) {
        int i = 1;
        while (i < s.length() && i <= 8 && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
            i++;
        }
        if (i < 3 || i > 8 || !is(s, i, ' ')) {
            return null;
        }
        while (is(s, i, ' ')) {
            i++;
        }
        return digit(s.charAt(Math.min(i, s.length() - 1))) ? iso(s, i) : null;
    }

    /** java.util.logging's SimpleFormatter: {@code May 05, 2026 10:00:01 AM}. */
    private static Found julDate(String s) {
        int month = month(s, 0);
        if (month == 0
                || !is(s, 3, ' ')
                || !digits(s, 4, 2)
                || !is(s, 6, ',')
                || !is(s, 7, ' ')
                || !digits(s, 8, 4)
                || !is(s, 12, ' ')) {
            return null;
        }
        int t = 13;
        int hourDigits = digits(s, t, 2) ? 2 : digits(s, t, 1) ? 1 : 0;
        int m = t + hourDigits;
        if (hourDigits == 0
                || !is(s, m, ':')
                || !digits(s, m + 1, 2)
                || !is(s, m + 3, ':')
                || !digits(s, m + 4, 2)
                || !is(s, m + 6, ' ')) {
            return null;
        }
        boolean pm = s.startsWith("PM", m + 7);
        if (!pm && !s.startsWith("AM", m + 7)) {
            return null;
        }
        int hour = number(s, t, hourDigits) % 12 + (pm ? 12 : 0);
        LocalDateTime local = LocalDateTime.of(
                number(s, 8, 4), month, number(s, 4, 2), hour, number(s, m + 1, 2), number(s, m + 4, 2));
        return new Found(local.toInstant(ZoneOffset.UTC), 0, m + 9);
    }

    /** Where the run of digits from {@code from} on ends. */
    private static int digitsEnd(String s, int from) {
        int i = from;
        while (digits(s, i, 1)) {
            i++;
        }
        return i;
    }

    /** A fraction's digits in {@code [from, to)} as nanoseconds: the first nine count, fewer are padded. */
    private static int nanos(String s, int from, int to) {
        int nanos = 0;
        for (int i = from; i < Math.min(to, from + 9); i++) {
            nanos = nanos * 10 + s.charAt(i) - '0';
        }
        for (int pad = to - from; pad < 9; pad++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** klog and glog: {@code I0505 10:00:01.123456}, month and day without a year. */
    private static Found klog(String s, int year) {
        if ("IWEF".indexOf(s.charAt(0)) < 0 || !digits(s, 1, 4) || !is(s, 5, ' ') || !clock(s, 6)) {
            return null;
        }
        int i = 14;
        int nanos = 0;
        if (is(s, i, '.')) {
            int end = digitsEnd(s, i + 1);
            nanos = nanos(s, i + 1, end);
            i = end;
        }
        LocalDateTime local = LocalDateTime.of(
                year, number(s, 1, 2), number(s, 3, 2), number(s, 6, 2), number(s, 9, 2), number(s, 12, 2), nanos);
        return new Found(local.toInstant(ZoneOffset.UTC), 0, i);
    }

    /** syslog: {@code May  5 10:00:01} or {@code May 05 10:00:01}, without a year. */
    private static Found syslog(String s, int year) {
        int month = month(s, 0);
        if (month == 0 || !is(s, 3, ' ')) {
            return null;
        }
        int day;
        if (is(s, 4, ' ') && digits(s, 5, 1)) {
            day = number(s, 5, 1);
        } else if (digits(s, 4, 2)) {
            day = number(s, 4, 2);
        } else {
            return null;
        }
        if (!is(s, 6, ' ') || !clock(s, 7)) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, number(s, 7, 2), number(s, 10, 2), number(s, 13, 2));
        return new Found(local.toInstant(ZoneOffset.UTC), 0, 15);
    }

    /** {@code HH:mm:ss} at {@code t}. */
    private static boolean clock(String s, int t) {
        return digits(s, t, 2) && is(s, t + 2, ':') && digits(s, t + 3, 2) && is(s, t + 5, ':') && digits(s, t + 6, 2);
    }

    /** 1–12 for an English month abbreviation at {@code at}, else 0. */
    private static int month(String s, int at) {
        if (at + 3 > s.length() || !Character.isUpperCase(s.charAt(at))) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(at, MONTHS, 3 * m, 3)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static boolean is(String s, int at, char c) {
        return at < s.length() && s.charAt(at) == c;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int at, int count) {
        if (at + count > s.length()) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (!digit(s.charAt(i))) {
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
