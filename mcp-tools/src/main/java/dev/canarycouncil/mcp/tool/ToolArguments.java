package dev.canarycouncil.mcp.tool;

import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.config.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Typed access to a tool call's arguments, with errors that name the argument and what it takes. */
public final class ToolArguments {

    private final Map<String, Object> values;

    public ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required");
        }
        return value;
    }

    public String optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw invalid(name, "must be a string");
        }
        return s;
    }

    /** A list of strings, also given as one string; at least one, at most {@code max}. */
    public java.util.List<String> requiredStrings(String name, int max) {
        Object value = values.get(name);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s);
        } else if (value instanceof java.util.List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s) || s.isBlank()) {
                    throw invalid(name, "must be a list of non-empty strings");
                }
                out.add(s);
            }
        } else if (value != null) {
            throw invalid(name, "must be a string or a list of strings");
        }
        if (out.isEmpty()) {
            throw invalid(name, "is required");
        }
        if (out.size() > max) {
            throw invalid(name, "takes at most " + max + " entries, got " + out.size());
        }
        return out;
    }

    public Integer optionalInt(String name, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        long n;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            n = number.longValue();
        } else if (value instanceof String s && s.matches("-?\\d+")) {
            n = Long.parseLong(s);
        } else {
            throw invalid(name, "must be an integer");
        }
        if (n < min || n > max) {
            throw invalid(name, "must be between " + min + " and " + max + ", was " + n);
        }
        return (int) n;
    }

    public boolean flag(String name) {
        Object value = values.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(name, "must be true or false");
    }

    /** RFC 3339 ({@code 2026-05-05T10:00:00Z}) or Unix seconds, as the Prometheus API accepts. */
    public Instant optionalInstant(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(Math.round(number.doubleValue() * 1000));
        }
        String s = value.toString().trim();
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return Instant.ofEpochMilli(Math.round(Double.parseDouble(s) * 1000));
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an RFC 3339 time (2026-05-05T10:00:00Z) or Unix seconds, was '" + s + "'");
        }
    }

    public Instant requiredInstant(String name) {
        Instant value = optionalInstant(name);
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    /** A duration such as {@code 30s}, {@code 5m}, {@code 1h30m}, or a number of seconds. */
    public Duration optionalDuration(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return DurationText.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw invalid(
                    name,
                    "must be a positive duration such as 30s, 5m or 1h, or a number of seconds, was '" + value + "'");
        }
    }

    private static ToolException invalid(String name, String problem) {
        return new ToolException(Kind.INVALID_ARGUMENT, "argument '" + name + "' " + problem);
    }
}
