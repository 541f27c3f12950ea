package dev.canarycouncil.loganalyst.ingest;

import java.time.Instant;

import dev.canarycouncil.runtime.logs.LogTimestamps;

/**
 * What the start of a log line says about it: its timestamp and its level, when it has them.
 * A line with either is the start of a log record; one with neither may continue the previous
 * record (a stack frame, an exception, a wrapped message).
 */
public record LineHeader(Instant timestamp, Level level) {

    public boolean present() {
        return timestamp != null || level != null;
    }

    public static LineHeader of(String line) {
        Instant timestamp = startsLikeTimestamp(line) ? LogTimestamps.leading(line) : null;
        return new LineHeader(timestamp, levelOf(line));
    }

    private static boolean startsLikeTimestamp(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return Character.isDigit(c) || c == '[' || c == 't' || (line.indexOf('[') >= 0 && line.indexOf('[') < 200);
    }

    /**
     * The level a line declares within its first words: {@code ERROR}, {@code level=error},
     * {@code "level":"error"}, {@code [WARN]}, klog's {@code E0505}, or an HTTP 5xx status in
     * an access log. Null when it declares none.
     */
    static Level levelOf(String line) {
        int n = Math.min(line.length(), 256);
        int words = 0;
        int i = 0;
        while (i < n && words < 12) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                Level level = wordLevel(line, start, i, words);
                if (level != null) {
                    return level;
                }
                words++;
            }
        }
        return null;
    }

    private static Level wordLevel(String line, int start, int end, int index) {
        int s = start;
        int e = end;
        while (s < e && "[<(\"'{".indexOf(line.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && "]>):\"',}".indexOf(line.charAt(e - 1)) >= 0) {
            e--;
        }
        int len = e - s;
        if (len <= 0) {
            return null;
        }
        if (line.startsWith("level=", s) || line.startsWith("lvl=", s) || line.startsWith("severity=", s)) {
            int eq = line.indexOf('=', s);
            return named(line.substring(eq + 1, e).replace("\"", ""), true);
        }
        if (line.startsWith("level\":", s) || line.startsWith("severity\":", s)) {
            int colon = line.indexOf(':', s);
            return named(line.substring(colon + 1, e).replace("\"", ""), true);
        }
        if (index == 0 && len >= 5 && "IWEF".indexOf(line.charAt(s)) >= 0 && Character.isDigit(line.charAt(s + 1))
                && Character.isDigit(line.charAt(s + 4))) {
            // klog: I0505 10:00:01.123456 ...
            return switch (line.charAt(s)) {
                case 'I' -> Level.INFO;
                case 'W' -> Level.WARN;
                case 'E' -> Level.ERROR;
                default -> Level.FATAL;
            };
        }
        if (len >= 3 && len <= 11 && Character.isUpperCase(line.charAt(s))) {
            Level named = named(line.substring(s, e), false);
            if (named != null) {
                return named;
            }
        }
        boolean afterQuotedRequest = start >= 2 && line.charAt(start - 2) == '"';
        if (len == 3 && afterQuotedRequest && line.charAt(s) == '5' && Character.isDigit(line.charAt(s + 1))
                && Character.isDigit(line.charAt(s + 2))) {
            // nginx/Apache access log: "GET /x HTTP/1.1" 503 ...
            return Level.ERROR;
        }
        return null;
    }

    /** Upper-case level words, or any case after {@code level=}. */
    static Level named(String word, boolean anyCase) {
        String w = anyCase ? word.toUpperCase(java.util.Locale.ROOT) : word;
        return switch (w) {
            case "TRACE", "DEBUG", "FINE", "FINER", "FINEST" -> Level.DEBUG;
            case "INFO", "INFORMATION", "NOTICE" -> Level.INFO;
            case "WARN", "WARNING" -> Level.WARN;
            case "ERROR", "ERR", "SEVERE" -> Level.ERROR;
            case "FATAL", "CRITICAL", "CRIT", "PANIC", "EMERG", "ALERT" -> Level.FATAL;
            default -> null;
        };
    }
}
