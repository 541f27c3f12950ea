package dev.canarycouncil.loganalyst.ingest;

import java.util.Locale;

/**
 * The level a log line declares, in the words frameworks write it: {@code ERROR} and {@code [WARN]};
 * {@code level=error} and {@code "level":"error"}; Serilog's and zerolog's {@code ERR}, {@code INF};
 * klog's {@code E0505}; Ruby's Logger letter {@code E, [}; nginx's and Envoy's {@code [error]},
 * Apache's {@code [proxy:error]}; Python's {@code ERROR:root:...}, Celery's {@code ERROR/MainProcess},
 * Monolog's {@code production.ERROR:}; ASP.NET Core's {@code fail:} and winston's {@code error:} at the
 * start of a line; PHP's {@code PHP Fatal error:}; a lower-case level word right after a timestamp
 * (Envoy's {@code 2026-05-05T10:00:01Z\tinfo\t...}).
 *
 * <p>Upper-case words count anywhere in the first twelve words, as they always have; lower-case
 * ones only where a format puts its level, because "error" in a message is not a level.
 */
final class LevelWords {

    private static final int MAX_WORDS = 12;
    private static final int MAX_CHARS = 256;
    static final String FPM_MESSAGE = "NOTICE: PHP message: ";

    private LevelWords() {}

    /**
     * @param afterTimestamp where the text after a leading timestamp starts, or -1 when the line
     *                       does not start with one
     */
    static Level of(String line, int afterTimestamp) {
        Level first = lineStart(line);
        if (first != null) {
            return first;
        }
        int n = Math.min(line.length(), MAX_CHARS);
        int words = 0;
        int i = 0;
        while (i < n && words < MAX_WORDS) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                Level level = word(line, start, i, words);
                if (level == null && start >= afterTimestamp && afterTimestamp >= 0 && start - afterTimestamp <= 2) {
                    level = lowerCase(line, start, i);
                }
                if (level != null) {
                    return level;
                }
                words++;
            }
        }
        return null;
    }

    /** Levels only a line's first characters declare. */
    private static Level lineStart(String line) {
        if (line.length() < 3) {
            return null;
        }
        char c = line.charAt(0);
        if (line.charAt(1) == ',' && line.charAt(2) == ' ' && line.length() > 3 && line.charAt(3) == '[') {
            // Ruby's Logger: "E, [2026-05-05T10:00:01.123456 #1] ERROR -- : ..."
            return switch (c) {
                case 'D' -> Level.DEBUG;
                case 'I' -> Level.INFO;
                case 'W' -> Level.WARN;
                case 'E' -> Level.ERROR;
                case 'F' -> Level.FATAL;
                default -> null;
            };
        }
        if (c == 'P' && line.startsWith("PHP ")) {
            return php(line);
        }
        if (c == 'N' && line.startsWith(FPM_MESSAGE)) {
            // php-fpm relays a worker's PHP error at NOTICE; the PHP severity inside is the real level.
            return php(line.substring(FPM_MESSAGE.length()));
        }
        if (c == '(' && line.startsWith("(node:")) {
            // Node's process warnings: "(node:18) [DEP0005] DeprecationWarning: Buffer() is deprecated ..."
            int warning = line.indexOf("Warning: ");
            return warning > 0 && warning < 80 ? Level.WARN : null;
        }
        if (c >= 'a' && c <= 'z') {
            int colon = line.indexOf(':');
            if (colon > 3 && colon <= 8 && (colon + 1 == line.length() || line.charAt(colon + 1) == ' ')) {
                // ASP.NET Core's "fail: Category[0]" and winston's "error: message"
                return switch (line.substring(0, colon)) {
                    case "trce", "dbug", "debug", "verbose", "silly", "trace" -> Level.DEBUG;
                    case "info", "http" -> Level.INFO;
                    case "warn", "warning" -> Level.WARN;
                    case "fail", "error" -> Level.ERROR;
                    case "crit", "fatal" -> Level.FATAL;
                    default -> null;
                };
            }
        }
        return null;
    }

    private static Level php(String line) {
        if (line.startsWith("PHP Fatal error:") || line.startsWith("PHP Parse error:")) {
            return Level.FATAL;
        }
        if (line.startsWith("PHP Warning:") || line.startsWith("PHP Recoverable fatal error:")) {
            return line.startsWith("PHP Warning:") ? Level.WARN : Level.ERROR;
        }
        if (line.startsWith("PHP Notice:") || line.startsWith("PHP Deprecated:")) {
            return Level.INFO;
        }
        return null;
    }

    private static Level word(String line, int start, int end, int index) {
        int s = start;
        int e = end;
        if (line.charAt(s) == '[' && line.indexOf("][", s) > 0 && line.indexOf("][", s) < e) {
            return bracketGroups(line, s, e);
        }
        while (s < e && "[<(\"'{".indexOf(line.charAt(s)) >= 0) {
            s++;
        }
        boolean bracketed = s > start && line.charAt(start) == '[';
        while (e > s && "]>):\"',}".indexOf(line.charAt(e - 1)) >= 0) {
            e--;
        }
        int len = e - s;
        if (len <= 0) {
            return null;
        }
        char c = line.charAt(s);
        if (c == 'l' || c == 's') {
            if (line.startsWith("level=", s) || line.startsWith("lvl=", s) || line.startsWith("severity=", s)) {
                int eq = line.indexOf('=', s);
                return named(line.substring(eq + 1, e).replace("\"", ""), true);
            }
            if (line.startsWith("level\":", s) || line.startsWith("severity\":", s)) {
                int colon = line.indexOf(':', s);
                return named(line.substring(colon + 1, e).replace("\"", ""), true);
            }
        }
        if (index == 0
                && len >= 5
                && "IWEF".indexOf(c) >= 0
                && Character.isDigit(line.charAt(s + 1))
                && Character.isDigit(line.charAt(s + 4))) {
            // klog: I0505 10:00:01.123456 ...
            return switch (c) {
                case 'I' -> Level.INFO;
                case 'W' -> Level.WARN;
                case 'E' -> Level.ERROR;
                default -> Level.FATAL;
            };
        }
        if (len >= 3 && Character.isUpperCase(c)) {
            if (len <= 11) {
                Level named = named(line.substring(s, e), false);
                if (named != null) {
                    return named;
                }
            }
            return compound(line, s, e);
        }
        if (c >= 'a' && c <= 'z') {
            if (bracketed) {
                // nginx "[error]", Apache "[proxy:error]"
                int colon = line.lastIndexOf(':', e - 1);
                return e - s <= 24 ? named(line.substring(colon >= s ? colon + 1 : s, e), true) : null;
            }
            return len >= 5 ? compound(line, s, e) : null;
        }
        return null;
    }

    /** Envoy's {@code [15][warning][config]}: one word, several bracketed groups. */
    private static Level bracketGroups(String line, int s, int e) {
        int open = s;
        while (open >= 0 && open < e) {
            int close = line.indexOf(']', open);
            if (close < 0 || close > e) {
                return null;
            }
            Level level = close - open - 1 >= 3 && close - open - 1 <= 8
                    ? named(line.substring(open + 1, close), true)
                    : null;
            if (level != null) {
                return level;
            }
            open = close + 1 < e && line.charAt(close + 1) == '[' ? close + 1 : -1;
        }
        return null;
    }

    /**
     * An upper-case level joined to a name: Python's {@code ERROR:root:message}, Celery's
     * {@code ERROR/MainProcess}, Monolog's {@code production.ERROR}.
     */
    private static Level compound(String line, int s, int e) {
        for (int i = s + 3; Character.isUpperCase(line.charAt(s)) && i < e && i <= s + 8; i++) {
            char d = line.charAt(i);
            if (d == ':' || d == '/') {
                return named(line.substring(s, i), false);
            }
        }
        int dot = line.lastIndexOf('.', e - 1);
        if (dot > s && e - dot - 1 >= 3 && e - dot - 1 <= 8) {
            return named(line.substring(dot + 1, e), false);
        }
        return null;
    }

    /** A level word in lower case where a format puts its level (right after the timestamp). */
    private static Level lowerCase(String line, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && line.charAt(s) == '[') {
            s++;
        }
        while (e > s && (line.charAt(e - 1) == ']' || line.charAt(e - 1) == ':')) {
            e--;
        }
        return e - s >= 3 && e - s <= 8 && Character.isLowerCase(line.charAt(s))
                ? named(line.substring(s, e), true)
                : null;
    }

    /** Level words, upper-case, or in any case where the format makes clear it is a level. */
    static Level named(String word, boolean anyCase) {
        String w = anyCase ? word.toUpperCase(Locale.ROOT) : word;
        return switch (w) {
            case "TRACE", "DEBUG", "FINE", "FINER", "FINEST", "DBG", "TRC", "VRB", "VERBOSE" -> Level.DEBUG;
            case "INFO", "INFORMATION", "NOTICE", "INF", "CONFIG" -> Level.INFO;
            case "WARN", "WARNING", "WRN" -> Level.WARN;
            case "ERROR", "ERR", "SEVERE", "EROR" -> Level.ERROR;
            case "FATAL", "CRITICAL", "CRIT", "PANIC", "EMERG", "ALERT", "FTL", "PNC", "EMERGENCY" -> Level.FATAL;
            default -> null;
        };
    }
}
