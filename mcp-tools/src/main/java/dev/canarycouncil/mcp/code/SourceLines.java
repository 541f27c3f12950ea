package dev.canarycouncil.mcp.code;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every code backend does with a file's text once it has it: split it into lines, find the
 * lines holding a text, cut a slice. One place, so a local checkout and GitHub answer alike.
 */
public final class SourceLines {

    private SourceLines() {}

    /** The lines of a text; none for a file that looks binary (has NUL bytes). */
    public static List<String> read(Reader text) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(text)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.indexOf('\0') >= 0) {
                    return List.of();
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /** Adds the lines containing {@code needle} (lower case) to {@code hits} until it holds {@code maxResults}. */
    public static void collectHits(String path, List<String> lines, String needle, int maxResults, List<CodeHit> hits) {
        for (int i = 0; i < lines.size() && hits.size() < maxResults; i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).contains(needle)) {
                hits.add(new CodeHit(path, i + 1, lines.get(i).strip()));
            }
        }
    }

    /** Lines {@code startLine..endLine} (1-based, inclusive; an end past the file is cut to it). */
    public static FileSlice slice(String path, List<String> lines, int startLine, int endLine) {
        if (startLine > Math.max(1, lines.size())) {
            throw new ToolException(Kind.INVALID_ARGUMENT, path + " has only " + lines.size() + " lines");
        }
        int end = Math.min(endLine, lines.size());
        StringBuilder text = new StringBuilder();
        for (int i = startLine; i <= end; i++) {
            text.append(lines.get(i - 1)).append('\n');
        }
        return new FileSlice(path, startLine, end, lines.size(), text.toString());
    }
}
