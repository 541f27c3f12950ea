package dev.canarycouncil.mcp.promql;

import java.util.regex.Pattern;

/** A label matcher: {@code =}, {@code !=}, {@code =~} or {@code !~}. Regexes are fully anchored, as in Prometheus. */
public record Matcher(String name, String op, String value, Pattern pattern) {

    public static Matcher of(String name, String op, String value) {
        Pattern pattern = null;
        if (op.equals("=~") || op.equals("!~")) {
            try {
                pattern = Pattern.compile("^(?:" + value + ")$");
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new PromQlException("invalid regular expression in matcher " + name + op + "\"" + value + "\": "
                        + e.getDescription());
            }
        }
        return new Matcher(name, op, value, pattern);
    }

    /** Whether a label value (empty string for an absent label) satisfies this matcher. */
    public boolean matches(String labelValue) {
        String v = labelValue == null ? "" : labelValue;
        return switch (op) {
            case "=" -> v.equals(value);
            case "!=" -> !v.equals(value);
            case "=~" -> pattern.matcher(v).matches();
            case "!~" -> !pattern.matcher(v).matches();
            default -> throw new IllegalStateException("unknown matcher operator " + op);
        };
    }
}
