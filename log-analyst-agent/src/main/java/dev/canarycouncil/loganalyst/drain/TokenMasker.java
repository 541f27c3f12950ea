package dev.canarycouncil.loganalyst.drain;

import java.util.Set;

/**
 * Replaces the variable parts of log tokens with {@link Drain#WILDCARD}: numbers (with units, so
 * durations and sizes too), hex values, IP addresses, UUIDs, timestamps, ids inside paths, and
 * quoted strings in free text. One pass over each token's characters, no regular expressions:
 * this runs for every log line.
 *
 * <p>Constant parts stay: the key of {@code key=value}, the words of a logfmt message
 * ({@code msg="request served"}), HTTP status codes after a status key, and the request line of
 * an access log.
 */
public final class TokenMasker {

    private static final Set<String> STATUS_KEYS = Set.of(
            "status", "code", "status_code", "statuscode", "http_status", "httpstatus", "response_code", "statusCode");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** Masks tokens in place and returns the (possibly shorter) token array. */
    public String[] mask(String[] tokens) {
        String[] out = tokens;
        int write = 0;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            char first = token.charAt(0);
            if ((first == '"' || first == '\'') && !(token.length() > 1 && HTTP_METHODS.contains(token.substring(1)))) {
                // A quoted string in free text: swallow it whole, however many tokens it spans.
                int end = i;
                if (!closesQuote(token, first, true)) {
                    while (end + 1 < tokens.length && !closesQuote(tokens[end + 1], first, false)) {
                        end++;
                    }
                    end = Math.min(end + 1, tokens.length - 1);
                }
                if (end != i && out == tokens) {
                    out = tokens.clone();
                }
                out[write++] = Drain.WILDCARD;
                i = end;
                continue;
            }
            String masked = maskToken(token);
            if (masked != token && out == tokens) {
                out = tokens.clone();
            }
            if (out != tokens) {
                out[write] = masked;
            }
            write++;
        }
        if (write == tokens.length) {
            return out;
        }
        String[] shorter = new String[write];
        System.arraycopy(out, 0, shorter, 0, write);
        return shorter;
    }

    private static boolean closesQuote(String token, char quote, boolean opening) {
        int len = token.length();
        if (opening && len < 2) {
            return false;
        }
        int last = len - 1;
        while (last > 0 && ",;:.)]}".indexOf(token.charAt(last)) >= 0) {
            last--;
        }
        return token.charAt(last) == quote && (len > 1 || !opening) && (last > 0 || !opening);
    }

    /** The token with its variable part masked, or the same instance when nothing is variable. */
    public String maskToken(String token) {
        int eq = token.indexOf('=');
        if (eq > 0 && eq < token.length() - 1 && isKey(token, eq)) {
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            if (STATUS_KEYS.contains(key) && isStatusCode(value)) {
                return token;
            }
            String maskedValue = maskCore(value);
            return maskedValue == value ? token : key + "=" + maskedValue;
        }
        return maskCore(token);
    }

    private static boolean isKey(String token, int eq) {
        for (int i = 0; i < eq; i++) {
            char c = token.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStatusCode(String v) {
        return v.length() == 3
                && v.charAt(0) >= '1'
                && v.charAt(0) <= '5'
                && Character.isDigit(v.charAt(1))
                && Character.isDigit(v.charAt(2));
    }

    /** Masks a value after stripping the punctuation around it. */
    private static String maskCore(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && "([{\"'<".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ")]}\"',;:.>".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        if (start >= end) {
            return token;
        }
        String core = token.substring(start, end);
        if (isVariable(core)) {
            // Drain recognises the wildcard by identity: a bare variable must be the constant itself.
            return start == 0 && end == token.length()
                    ? Drain.WILDCARD
                    : token.substring(0, start) + Drain.WILDCARD + token.substring(end);
        }
        if (core.indexOf('/') >= 0 && !isProtocolVersion(core)) {
            String path = maskPath(core);
            if (path != core) {
                return token.substring(0, start) + path + token.substring(end);
            }
        }
        return token;
    }

    /** {@code HTTP/1.1}, {@code HTTP/2}: a protocol and its version, not a path. */
    private static boolean isProtocolVersion(String core) {
        int slash = core.indexOf('/');
        if (slash <= 0 || slash == core.length() - 1) {
            return false;
        }
        for (int i = 0; i < slash; i++) {
            if (!Character.isLetter(core.charAt(i))) {
                return false;
            }
        }
        return isNumberWithUnit(core.substring(slash + 1));
    }

    /** Masks variable segments of a path or URL ({@code /api/orders/42} to {@code /api/orders/<*>}). */
    private static String maskPath(String core) {
        int query = core.indexOf('?');
        String path = query >= 0 ? core.substring(0, query) : core;
        StringBuilder out = null;
        int segStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                String segment = path.substring(segStart, i);
                boolean variable = !segment.isEmpty() && isVariable(segment);
                if (variable && out == null) {
                    out = new StringBuilder(path.substring(0, segStart));
                }
                if (out != null) {
                    out.append(variable ? Drain.WILDCARD : segment);
                    if (i < path.length()) {
                        out.append('/');
                    }
                }
                segStart = i + 1;
            }
        }
        if (query >= 0) {
            (out == null ? out = new StringBuilder(path) : out).append('?').append(Drain.WILDCARD);
        }
        return out == null ? core : out.toString();
    }

    /** Whether a bare value (no surrounding punctuation) varies from line to line. */
    static boolean isVariable(String s) {
        if (!hasDigit(s)) {
            // Most words of a log line: only a UUID can be variable without a digit.
            return isUuid(s);
        }
        return isNumberWithUnit(s) || isHex(s) || isUuid(s) || isIpAddress(s) || isTimestamp(s) || hasLongDigitRun(s);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || (c > 0x7f && Character.isDigit(c))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 42}, {@code -3.5}, {@code 1e-3}, {@code 12ms}, {@code 1.2GiB}, {@code 2m40s}, {@code 85%}. */
    static boolean isNumberWithUnit(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        boolean any = false;
        while (i < n) {
            int digitsStart = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i < n && s.charAt(i) == '.' && i > digitsStart) {
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i == digitsStart) {
                return false;
            }
            any = true;
            if (i < n
                    && (s.charAt(i) == 'e' || s.charAt(i) == 'E')
                    && i + 1 < n
                    && (Character.isDigit(s.charAt(i + 1))
                            || ((s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+')
                                    && i + 2 < n
                                    && Character.isDigit(s.charAt(i + 2))))) {
                i += 2;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            int unitStart = i;
            while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '%' || s.charAt(i) == 'µ')) {
                i++;
            }
            if (i - unitStart > 3) {
                return false;
            }
        }
        return any;
    }

    static boolean isHex(String s) {
        int n = s.length();
        if (n > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            for (int i = 2; i < n; i++) {
                if (Character.digit(s.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }
        if (n < 8) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
            digit |= Character.isDigit(c);
        }
        return digit;
    }

    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** IPv4 with an optional port: {@code 10.0.0.7}, {@code 10.0.0.7:8080}. */
    static boolean isIpAddress(String s) {
        int dots = 0;
        int digits = 0;
        int i = 0;
        int n = s.length();
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0) {
                dots++;
                digits = 0;
            } else if (c == ':' && dots == 3 && digits > 0) {
                for (int j = i + 1; j < n; j++) {
                    if (!Character.isDigit(s.charAt(j))) {
                        return false;
                    }
                }
                return i + 1 < n;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }

    /** Dates and times: only digits and {@code -:/.,T Z+} with at least four digits and a separator. */
    static boolean isTimestamp(String s) {
        int digits = 0;
        boolean separator = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (c == '-' || c == ':' || c == '/' || c == '.' || c == ',' || c == '+') {
                separator = true;
            } else if (!(c == 'T' || c == 'Z')) {
                return false;
            }
        }
        return digits >= 4 && separator;
    }

    /** Ids that carry a long run of digits: {@code blk_-6952295868}, {@code req-20260505123}. */
    static boolean hasLongDigitRun(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = Character.isDigit(s.charAt(i)) ? run + 1 : 0;
            if (run >= 6) {
                return true;
            }
        }
        return false;
    }
}
