package dev.canarycouncil.mcp.promql;

import java.util.ArrayList;
import java.util.List;

/** Splits PromQL into tokens. */
final class PromQlLexer {

    enum Type {
        IDENT,
        NUMBER,
        DURATION,
        STRING,
        PUNCT,
        OP,
        EOF
    }

    record Token(Type type, String text, int pos) {
        boolean is(String s) {
            return (type == Type.PUNCT || type == Type.OP || type == Type.IDENT) && text.equals(s);
        }
    }

    private static final String[] OPERATORS = {
        "==", "!=", "=~", "!~", ">=", "<=", "=", ">", "<", "+", "-", "*", "/", "%", "^"
    };

    private PromQlLexer() {}

    static List<Token> tokenize(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && q.charAt(i) != '\n') {
                    i++;
                }
            } else if ("{}()[],:".indexOf(c) >= 0) {
                tokens.add(new Token(Type.PUNCT, String.valueOf(c), i));
                i++;
            } else if (c == '"' || c == '\'' || c == '`') {
                int start = i;
                StringBuilder s = new StringBuilder();
                i++;
                while (i < n && q.charAt(i) != c) {
                    char ch = q.charAt(i);
                    if (ch == '\\' && c != '`' && i + 1 < n) {
                        char e = q.charAt(++i);
                        s.append(
                                switch (e) {
                                    case 'n' -> '\n';
                                    case 't' -> '\t';
                                    default -> e;
                                });
                    } else {
                        s.append(ch);
                    }
                    i++;
                }
                if (i >= n) {
                    throw new PromQlException("unterminated string starting at position " + start);
                }
                i++;
                tokens.add(new Token(Type.STRING, s.toString(), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(q.charAt(i + 1)))) {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(q.charAt(i))
                                || q.charAt(i) == '.'
                                || ((q.charAt(i) == '+' || q.charAt(i) == '-')
                                        && (q.charAt(i - 1) == 'e' || q.charAt(i - 1) == 'E')
                                        && !isDurationSoFar(q, start, i)))) {
                    i++;
                }
                String text = q.substring(start, i);
                tokens.add(new Token(isDuration(text) ? Type.DURATION : Type.NUMBER, text, start));
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_' || q.charAt(i) == ':')) {
                    i++;
                }
                tokens.add(new Token(Type.IDENT, q.substring(start, i), start));
            } else {
                String op = null;
                for (String candidate : OPERATORS) {
                    if (q.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                if (op == null) {
                    throw new PromQlException("unexpected character '" + c + "' at position " + i);
                }
                tokens.add(new Token(Type.OP, op, i));
                i += op.length();
            }
        }
        tokens.add(new Token(Type.EOF, "", n));
        return tokens;
    }

    private static boolean isDurationSoFar(String q, int start, int i) {
        return q.substring(start, i).matches(".*[a-df-zA-DF-Z].*");
    }

    static boolean isDuration(String text) {
        return text.matches("(\\d+(ms|s|m|h|d|w|y))+");
    }

    /** Milliseconds of a PromQL duration such as {@code 5m} or {@code 1h30m}. */
    static long durationMillis(String text) {
        long total = 0;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)").matcher(text);
        while (m.find()) {
            long v = Long.parseLong(m.group(1));
            total += switch (m.group(2)) {
                case "ms" -> v;
                case "s" -> v * 1000;
                case "m" -> v * 60_000;
                case "h" -> v * 3_600_000;
                case "d" -> v * 86_400_000;
                case "w" -> v * 7 * 86_400_000;
                default -> v * 365 * 86_400_000;
            };
        }
        return total;
    }
}
