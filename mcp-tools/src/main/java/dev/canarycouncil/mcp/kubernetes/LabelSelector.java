package dev.canarycouncil.mcp.kubernetes;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code k=v}, {@code k==v}, {@code k!=v}, {@code k}, {@code !k},
 * {@code k in (a,b)}, {@code k notin (a,b)}), evaluated locally for recorded pods.
 */
public final class LabelSelector {

    private record Requirement(String key, String op, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (op) {
                case "=" -> values.contains(v);
                case "!=" -> !values.contains(v);
                case "in" -> v != null && values.contains(v);
                case "notin" -> v == null || !values.contains(v);
                case "exists" -> labels.containsKey(key);
                case "!exists" -> !labels.containsKey(key);
                default -> false;
            };
        }
    }

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    /** An empty or null selector matches everything. */
    /**
     * One of a Kubernetes object's {@code matchExpressions} as selector text ({@code app in (a,b)},
     * {@code !canary}), or empty for an operator the selector syntax has no form for.
     */
    public static Optional<String> term(String key, String operator, List<String> values) {
        String joined = String.join(",", values);
        return switch (operator) {
            case "In" -> Optional.of(key + " in (" + joined + ")");
            case "NotIn" -> Optional.of(key + " notin (" + joined + ")");
            case "Exists" -> Optional.of(key);
            case "DoesNotExist" -> Optional.of("!" + key);
            default -> Optional.empty();
        };
    }

    public static LabelSelector parse(String selector) {
        List<Requirement> requirements = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return new LabelSelector(requirements);
        }
        for (String part : splitTopLevel(selector)) {
            String p = part.trim();
            java.util.regex.Matcher set = java.util.regex.Pattern.compile("([\\w./-]+)\\s+(in|notin)\\s*\\(([^)]*)\\)")
                    .matcher(p);
            if (set.matches()) {
                Set<String> values = new java.util.HashSet<>();
                for (String v : set.group(3).split(",")) {
                    values.add(v.trim());
                }
                requirements.add(new Requirement(set.group(1), set.group(2), values));
            } else if (p.contains("!=")) {
                String[] kv = p.split("!=", 2);
                requirements.add(new Requirement(key(kv[0], selector), "!=", Set.of(kv[1].trim())));
            } else if (p.contains("=")) {
                String[] kv = p.split("==?", 2);
                requirements.add(new Requirement(key(kv[0], selector), "=", Set.of(kv[1].trim())));
            } else if (p.startsWith("!")) {
                requirements.add(new Requirement(key(p.substring(1), selector), "!exists", Set.of()));
            } else {
                requirements.add(new Requirement(key(p, selector), "exists", Set.of()));
            }
        }
        return new LabelSelector(requirements);
    }

    public boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    private static String key(String raw, String selector) {
        String k = raw.trim();
        if (!k.matches("[\\w./-]+")) {
            throw new ToolException(Kind.INVALID_ARGUMENT, "invalid label selector '" + selector + "'");
        }
        return k;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
