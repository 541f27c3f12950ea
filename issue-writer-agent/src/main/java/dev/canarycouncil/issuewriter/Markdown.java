package dev.canarycouncil.issuewriter;

import dev.canarycouncil.runtime.text.Texts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small Markdown helpers that keep quoted text from breaking the layout. */
final class Markdown {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {}

    /** A code fence longer than any run of backticks inside {@code text}, so the text cannot close it. */
    static String fence(String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** Inline code that survives backticks inside the text. */
    static String code(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        String ticks = oneLine.contains("`") ? "``" : "`";
        return ticks + (ticks.length() > 1 ? " " + oneLine + " " : oneLine) + ticks;
    }

    /** Text for a table cell: one line, pipes escaped. */
    static String cell(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip().replace("|", "\\|");
    }

    static String oneLine(String text) {
        return Texts.oneLine(text);
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).stripTrailing() + "…";
    }
}
