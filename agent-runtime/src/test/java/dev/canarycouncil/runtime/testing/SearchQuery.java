package dev.canarycouncil.runtime.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's search syntax, as far as the fake needs it: {@code key:value} qualifiers (values may be
 * quoted) and literal terms (bare words or "quoted phrases"), all ANDed. Negation is not supported.
 */
record SearchQuery(List<String> terms, Map<String, List<String>> qualifiers) {

    static SearchQuery parse(String q) {
        List<String> terms = new ArrayList<>();
        Map<String, List<String>> qualifiers = new LinkedHashMap<>();
        for (String token : tokenize(q == null ? "" : q)) {
            int colon = token.indexOf(':');
            if (!token.startsWith("\"")
                    && colon > 0
                    && token.substring(0, colon).matches("[A-Za-z_-]+")
                    && colon < token.length() - 1) {
                qualifiers
                        .computeIfAbsent(token.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(unquote(token.substring(colon + 1)));
            } else {
                terms.add(unquote(token));
            }
        }
        return new SearchQuery(terms, qualifiers);
    }

    List<String> all(String key) {
        return qualifiers.getOrDefault(key, List.of());
    }

    boolean has(String key, String value) {
        return all(key).stream().anyMatch(value::equalsIgnoreCase);
    }

    /** Whether every term occurs, case-insensitively, in the text. */
    boolean matches(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return terms.stream().allMatch(t -> lower.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static List<String> tokenize(String q) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : q.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static String unquote(String s) {
        return s.replace("\"", "");
    }
}
