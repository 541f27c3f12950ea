package dev.canarycouncil.mcp.promql;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An immutable, sorted label set; {@code __name__} holds the metric name. */
public record Labels(SortedMap<String, String> map) implements Comparable<Labels> {

    public static final String NAME = "__name__";
    public static final Labels EMPTY = new Labels(new TreeMap<>());

    public Labels {
        map = Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    public static Labels of(Map<String, String> labels) {
        return new Labels(new TreeMap<>(labels));
    }

    public String get(String name) {
        return map.get(name);
    }

    public Labels withoutName() {
        return without(java.util.List.of(NAME));
    }

    public Labels without(Collection<String> names) {
        TreeMap<String, String> copy = new TreeMap<>(map);
        names.forEach(copy::remove);
        return new Labels(copy);
    }

    public Labels only(Collection<String> names) {
        TreeMap<String, String> copy = new TreeMap<>();
        for (String n : names) {
            String v = map.get(n);
            if (v != null && !v.isEmpty()) {
                copy.put(n, v);
            }
        }
        return new Labels(copy);
    }

    public Labels with(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(map);
        if (value == null || value.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Labels(copy);
    }

    @Override
    public int compareTo(Labels other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
