package dev.canarycouncil.runtime.text;

/**
 * The few ways the council shortens text for a message, a log line or a table cell, in one place
 * so every part cuts and flattens alike. Null is the empty text.
 */
public final class Texts {

    private static final String ELLIPSIS = "…";

    private Texts() {}

    /** Whitespace runs (newlines included) as one space, trimmed: a multi-line message on one line. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** The text up to its first line break, as it is. */
    public static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /**
     * The first {@code max} characters followed by an ellipsis when the text is longer: for bounds
     * stated as "keeps N characters" (a model's answer, a plug-in's finding), where the ellipsis
     * comes on top.
     */
    public static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + ELLIPSIS;
    }

    /** At most {@code max} characters: longer text keeps its first {@code max - 1} and ends with an ellipsis. */
    public static String abbreviate(String s, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + ELLIPSIS;
    }
}
