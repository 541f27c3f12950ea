package dev.canarycouncil.loganalyst.ingest;

/**
 * The HTTP status of an access-log line: the status after a quoted request line (nginx, Apache,
 * morgan, gunicorn, Werkzeug, Django, uvicorn, Envoy and Istio: {@code "GET /x HTTP/1.1" 502}; php-fpm
 * without the protocol),
 * HAProxy's status after its timers ({@code be/srv 0/0/1/3/4 503}), or the status after an
 * unquoted method and path ({@code GET /color 200 1.2ms}, as the Argo Rollouts demo app logs).
 */
public final class AccessLine {

    private static final int SEARCH_CHARS = 600;

    private AccessLine() {}

    /** The status code, or 0 when the line is not an access-log line. */
    static int status(String line, int afterTimestamp) {
        int quoted = afterQuotedRequest(line);
        if (quoted > 0) {
            return quoted;
        }
        int http = line.indexOf(" HTTP/");
        if (http > 0 && http < SEARCH_CHARS) {
            int timed = afterTimers(line);
            if (timed > 0) {
                return timed;
            }
        }
        return afterTimestamp > 0 ? unquoted(line, afterTimestamp) : 0;
    }

    /**
     * {@code "GET /x HTTP/1.1" 200}, uvicorn's {@code "GET /x HTTP/1.1" 500 Internal Server Error}, php-fpm's
     * {@code "GET /index.php" 200}: the status right after the first quoted request line.
     */
    private static int afterQuotedRequest(String line) {
        int open = line.indexOf('"');
        for (int quotes = 0; open >= 0 && open < SEARCH_CHARS && quotes < 3; quotes++) {
            int close = line.indexOf('"', open + 1);
            if (close < 0) {
                return 0;
            }
            if (method(line, open + 1)) {
                return close + 4 < line.length() && line.charAt(close + 1) == ' ' ? code(line, close + 2) : 0;
            }
            open = line.indexOf('"', close + 1);
        }
        return 0;
    }

    /** HAProxy's HTTP log: {@code fe be/srv Tq/Tw/Tc/Tr/Ta status bytes ...}. */
    private static int afterTimers(String line) {
        int i = line.indexOf("] ");
        for (int words = 0; i >= 0 && i < line.length() && words < 5; words++) {
            int start = i + 1;
            while (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            int end = line.indexOf(' ', start);
            if (end < 0) {
                return 0;
            }
            if (timers(line, start, end)) {
                return code(line, end + 1);
            }
            i = end;
        }
        return 0;
    }

    /** Four or five slash-separated numbers, each possibly -1: {@code 0/0/1/3/4}. */
    public static boolean timers(String line, int start, int end) {
        int slashes = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '/') {
                slashes++;
            } else if (!(c >= '0' && c <= '9') && c != '-' && c != '+') {
                return false;
            }
        }
        return slashes >= 3 && slashes <= 4;
    }

    /** {@code GET /color 200 ...} right after the timestamp. */
    private static int unquoted(String line, int at) {
        int s = at;
        while (s < line.length() && (line.charAt(s) == ' ' || line.charAt(s) == '\t')) {
            s++;
        }
        if (!method(line, s)) {
            return 0;
        }
        int path = line.indexOf(' ', s);
        if (path < 0 || path + 1 >= line.length() || line.charAt(path + 1) != '/') {
            return 0;
        }
        int status = line.indexOf(' ', path + 1);
        return status < 0 ? 0 : code(line, status + 1);
    }

    private static boolean method(String line, int at) {
        return line.startsWith("GET ", at)
                || line.startsWith("POST ", at)
                || line.startsWith("PUT ", at)
                || line.startsWith("DELETE ", at)
                || line.startsWith("PATCH ", at)
                || line.startsWith("HEAD ", at)
                || line.startsWith("OPTIONS ", at);
    }

    /** A three-digit status 100–599 at {@code at}, ended by a space or the line's end. */
    private static int code(String line, int at) {
        if (at + 3 > line.length()) {
            return 0;
        }
        char a = line.charAt(at);
        char b = line.charAt(at + 1);
        char c = line.charAt(at + 2);
        if (a < '1' || a > '5' || b < '0' || b > '9' || c < '0' || c > '9') {
            return 0;
        }
        if (at + 3 < line.length() && line.charAt(at + 3) != ' ') {
            return 0;
        }
        return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    }
}
