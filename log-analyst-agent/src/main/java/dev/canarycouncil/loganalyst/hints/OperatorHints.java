package dev.canarycouncil.loganalyst.hints;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operator hints such as the plugin's {@code extraPrompt} ("ignore colour changes"), read as
 * template filters: only phrases of the form "ignore ..." are understood, the rest is ignored.
 * Hints are data; nothing in them is ever executed or obeyed beyond this filter.
 */
public final class OperatorHints {

    private static final Pattern IGNORE = Pattern.compile(
            "(?i)\\b(?:ignore|disregard|skip)\\s+(?:the\\s+|any\\s+|all\\s+)?([\\p{L}\\d_.\\-/]+(?:\\s+[\\p{L}\\d_.\\-/]+)?)");
    private static final Set<String> FILLER = Set.of(
            "change",
            "changes",
            "changed",
            "line",
            "lines",
            "message",
            "messages",
            "log",
            "logs",
            "difference",
            "differences",
            "update",
            "updates",
            "in",
            "on",
            "of",
            "the",
            "value",
            "values");

    private final List<String> ignored;
    private final String text;

    private OperatorHints(String text, List<String> ignored) {
        this.text = text;
        this.ignored = ignored;
    }

    public static OperatorHints none() {
        return new OperatorHints(null, List.of());
    }

    public static OperatorHints parse(String text) {
        if (text == null || text.isBlank()) {
            return none();
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher m = IGNORE.matcher(text);
        while (m.find()) {
            for (String word : m.group(1).toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!FILLER.contains(word) && word.length() > 2) {
                    words.addAll(variants(word));
                }
            }
        }
        return new OperatorHints(text, new ArrayList<>(words));
    }

    /** British and American spellings, and the singular of a plural. */
    private static List<String> variants(String word) {
        List<String> out = new ArrayList<>();
        String singular = word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word;
        out.add(singular);
        if (singular.contains("colour")) {
            out.add(singular.replace("colour", "color"));
        } else if (singular.contains("color")) {
            out.add(singular.replace("color", "colour"));
        }
        return out;
    }

    /** Whether a template falls under an "ignore" hint. */
    public boolean ignores(String template) {
        if (ignored.isEmpty()) {
            return false;
        }
        String t = template.toLowerCase(Locale.ROOT);
        for (String word : ignored) {
            if (t.contains(word)) {
                return true;
            }
        }
        return false;
    }

    public List<String> ignoredWords() {
        return ignored;
    }

    public String text() {
        return text;
    }
}
