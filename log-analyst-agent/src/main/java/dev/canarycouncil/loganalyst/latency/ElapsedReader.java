package dev.canarycouncil.loganalyst.latency;

import dev.canarycouncil.loganalyst.ingest.AccessLine;
import dev.canarycouncil.runtime.schema.DurationUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how long a request (or a job) took from the record that reports it, in the shapes
 * frameworks write: a duration field in logfmt or JSON ({@code duration=42.006ms},
 * {@code "durationMs":1840}, {@code dur=152µs}, {@code "latency":"38 ms"}); a phrase
 * ({@code Completed 200 OK in 12ms}, {@code responded 200 in 1.2034 ms}, {@code succeeded in 0.038s});
 * and in access logs HAProxy's total time, Envoy's duration field, a {@code 12.3 ms} token, or a
 * request time in seconds appended after the quoted fields (nginx's {@code $request_time}).
 * Bare numbers in a field whose name gives no unit stay unitless: the sides are still comparable.
 */
public final class ElapsedReader {

    /** Field names (lower case, without {@code _ . -}) that hold a duration, and the unit a bare number is in. */
    private static final Map<String, Unit> FIELDS = Map.ofEntries(
            Map.entry("duration", Unit.UNSTATED),
            Map.entry("dur", Unit.UNSTATED),
            Map.entry("latency", Unit.UNSTATED),
            Map.entry("elapsed", Unit.UNSTATED),
            Map.entry("took", Unit.UNSTATED),
            Map.entry("timetaken", Unit.UNSTATED),
            Map.entry("durationms", Unit.MS),
            Map.entry("latencyms", Unit.MS),
            Map.entry("elapsedms", Unit.MS),
            Map.entry("tookms", Unit.MS),
            Map.entry("responsetime", Unit.MS),
            Map.entry("responsetimems", Unit.MS),
            Map.entry("elapsedmilliseconds", Unit.MS),
            Map.entry("durationmillis", Unit.MS),
            Map.entry("durations", Unit.S),
            Map.entry("durationseconds", Unit.S),
            Map.entry("latencyseconds", Unit.S),
            Map.entry("elapsedseconds", Unit.S),
            Map.entry("requesttime", Unit.S),
            Map.entry("durationus", Unit.US),
            Map.entry("durationmicros", Unit.US),
            Map.entry("durationns", Unit.NS),
            Map.entry("eventduration", Unit.NS));

    private ElapsedReader() {}

    /** The duration a record states, if it states one. */
    public static Optional<Elapsed> read(String text, boolean accessLine) {
        Elapsed found = fromField(text);
        if (found == null && accessLine) {
            found = fromAccessLine(text);
        }
        if (found == null) {
            found = fromPhrase(text);
        }
        return Optional.ofNullable(found);
    }

    private static Elapsed fromField(String text) {
        int n = text.length();
        for (int i = 3; i < n; i++) {
            char c = text.charAt(i);
            if (c != '=' && c != ':') {
                continue;
            }
            int end = i;
            boolean quoted = text.charAt(end - 1) == '"';
            if (quoted) {
                end--;
            } else if (c == ':' && (i + 1 >= n || text.charAt(i + 1) != ' ')) {
                continue; // "{Elapsed:0.0000}" is a placeholder with its format, not a field
            }
            int start = end;
            while (start > 0 && fieldChar(text.charAt(start - 1))) {
                start--;
            }
            if (end - start < 3 || end - start > 24 || !Character.isLetter(text.charAt(end - 1))) {
                continue;
            }
            Unit unit = FIELDS.get(normalise(text, start, end));
            if (unit != null) {
                Elapsed value = value(text, i + 1, unit, true);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** HAProxy's {@code Tq/Tw/Tc/Tr/Ta}, Envoy's duration after the byte counts, {@code 12.3 ms}, a trailing request time. */
    private static Elapsed fromAccessLine(String text) {
        Elapsed timed = haproxyTotal(text);
        if (timed != null) {
            return timed;
        }
        int quote = text.indexOf("\" ");
        if (quote > 0) {
            Elapsed envoy = envoyDuration(text, quote + 2);
            if (envoy != null) {
                return envoy;
            }
        }
        int ms = text.indexOf("ms");
        while (ms > 0) {
            Elapsed value = numberBefore(text, ms);
            if (value != null) {
                return value;
            }
            ms = text.indexOf("ms", ms + 2);
        }
        return trailingSeconds(text);
    }

    /** {@code in 12ms}, {@code in 1.2 ms}, {@code in 0.038s}, {@code took 3s}; not {@code retrying in 5 s}. */
    private static Elapsed fromPhrase(String text) {
        for (String word : new String[] {" in ", " took "}) {
            int at = text.indexOf(word);
            while (at > 0) {
                int from = at + word.length();
                if (from < text.length() && digit(text.charAt(from)) && !retry(text, at)) {
                    Elapsed value = value(text, from, Unit.UNSTATED, false);
                    if (value != null && value.unit() == DurationUnit.MILLISECONDS) {
                        return value;
                    }
                }
                at = text.indexOf(word, at + 1);
            }
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        // ASP.NET Core's "Request finished HTTP/1.1 GET http://host/x - 200 - application/json 12.3456ms"
        return text.startsWith("ms", end - 2) ? numberBefore(text, end - 2) : null;
    }

    private static boolean retry(String text, int at) {
        int from = Math.max(0, at - 9);
        String before = text.substring(from, at);
        return before.endsWith("retrying") || before.endsWith("retry") || before.endsWith("again");
    }

    private static Elapsed haproxyTotal(String text) {
        int slash = text.indexOf('/');
        while (slash > 0) {
            int start = slash;
            while (start > 0 && text.charAt(start - 1) != ' ') {
                start--;
            }
            int end = text.indexOf(' ', slash);
            if (end < 0) {
                return null;
            }
            if (text.charAt(start) != '/' && text.charAt(end - 1) != '/' && AccessLine.timers(text, start, end)) {
                int last = text.lastIndexOf('/', end) + 1;
                if (text.charAt(last) == '-') {
                    return null; // aborted: no total
                }
                // The last timer is the total: Ta in HTTP logs, Tt in older and TCP ones.
                return new Elapsed(Double.parseDouble(text.substring(last, end)), DurationUnit.MILLISECONDS);
            }
            slash = text.indexOf('/', end);
        }
        return null;
    }

    /** Envoy and Istio: after the status and flags come bytes received, bytes sent and the duration in ms. */
    private static Elapsed envoyDuration(String text, int from) {
        String[] tokens =
                text.substring(from, Math.min(text.length(), from + 200)).split(" ", 12);
        int run = 0;
        for (int i = 1; i < tokens.length; i++) { // tokens[0] is the status
            if (!tokens[i].isEmpty() && tokens[i].chars().allMatch(ElapsedReader::digit)) {
                if (++run == 3) {
                    return new Elapsed(Double.parseDouble(tokens[i]), DurationUnit.MILLISECONDS);
                }
            } else {
                run = 0;
            }
        }
        return null;
    }

    /** A decimal number of seconds as the last field, after the quoted ones: nginx's $request_time, gunicorn's %(L)s. */
    private static Elapsed trailingSeconds(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        boolean dot = false;
        while (start > 0 && (digit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            dot |= text.charAt(start - 1) == '.';
            start--;
        }
        if (!dot || start == end || start == 0 || text.charAt(start - 1) != ' ' || text.lastIndexOf('"') > start) {
            return null;
        }
        return parse(text, start, end, Unit.S);
    }

    /** The number right before a unit at {@code unitAt} ({@code 12.3ms}, {@code 12.3 ms}), when the unit ends a word. */
    private static Elapsed numberBefore(String text, int unitAt) {
        if (unitAt + 2 < text.length() && Character.isLetter(text.charAt(unitAt + 2))) {
            return null;
        }
        int end = unitAt > 0 && text.charAt(unitAt - 1) == ' ' ? unitAt - 1 : unitAt;
        int start = end;
        while (start > 0 && (digit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        if (start == end || (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))) {
            return null;
        }
        return parse(text, start, end, Unit.MS);
    }

    /**
     * The duration at {@code at}: a number with an optional unit ({@code 42.006ms}, {@code 1m2.5s},
     * {@code "38 ms"}); a bare number takes {@code bare}. {@code field} allows a quoted value.
     */
    private static Elapsed value(String text, int at, Unit bare, boolean field) {
        int i = at;
        int n = text.length();
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (field && i < n && text.charAt(i) == '"') {
            i++;
        }
        double millis = 0;
        boolean any = false;
        while (i < n && digit(text.charAt(i))) {
            int start = i;
            while (i < n && (digit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            int numberEnd = i;
            int unitEnd = unitEnd(text, numberEnd);
            int unitStart = numberEnd;
            if (unitEnd < 0 && numberEnd + 1 < n && text.charAt(numberEnd) == ' ') {
                unitStart = numberEnd + 1; // "38 ms", "latency=3 ms"
                unitEnd = unitEnd(text, unitStart);
            }
            if (unitEnd < 0) {
                return any ? null : parse(text, start, numberEnd, bare);
            }
            Elapsed part = parse(text, start, numberEnd, Unit.of(text, unitStart, unitEnd));
            if (part == null) {
                return null;
            }
            millis += part.amount();
            any = true;
            i = unitEnd;
        }
        return any ? new Elapsed(millis, DurationUnit.MILLISECONDS) : null;
    }

    /** The end of a time unit written at {@code at} and ending a word, or -1. */
    private static int unitEnd(String text, int at) {
        int end = at;
        while (end < text.length() && unitChar(text.charAt(end))) {
            end++;
        }
        if (end == at || (end < text.length() && Character.isLetter(text.charAt(end)))) {
            return -1;
        }
        return Unit.of(text, at, end) == null ? -1 : end;
    }

    private static Elapsed parse(String text, int start, int end, Unit unit) {
        try {
            double v = Double.parseDouble(text.substring(start, end));
            if (!Double.isFinite(v) || v < 0) {
                return null;
            }
            return unit == Unit.UNSTATED
                    ? new Elapsed(v, DurationUnit.UNSTATED)
                    : new Elapsed(v * unit.millis, DurationUnit.MILLISECONDS);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String normalise(String text, int start, int end) {
        StringBuilder s = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '_' && c != '.' && c != '-' && c != '@') {
                s.append(Character.toLowerCase(c));
            }
        }
        return s.toString();
    }

    private static boolean fieldChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || digit(c)
                || c == '_'
                || c == '.'
                || c == '-'
                || c == '@';
    }

    private static boolean unitChar(char c) {
        return (c >= 'a' && c <= 'z') || c == 'µ' || c == 'μ';
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The units a duration is written in, as multiples of a millisecond. */
    private enum Unit {
        NS(1e-6),
        US(1e-3),
        MS(1),
        S(1000),
        M(60_000),
        H(3_600_000),
        UNSTATED(Double.NaN);

        final double millis;

        Unit(double millis) {
            this.millis = millis;
        }

        static Unit of(String text, int start, int end) {
            return switch (text.substring(start, end)) {
                case "ns" -> NS;
                case "us", "µs", "μs" -> US;
                case "ms" -> MS;
                case "s", "sec", "secs", "seconds" -> S;
                case "m", "min" -> M;
                case "h" -> H;
                default -> null;
            };
        }
    }
}
