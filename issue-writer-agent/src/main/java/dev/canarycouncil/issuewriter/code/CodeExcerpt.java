package dev.canarycouncil.issuewriter.code;

import java.util.List;

/**
 * Lines of one source file quoted in an issue, already redacted.
 *
 * @param path        path inside the repository
 * @param startLine   line number of the first quoted line (1-based)
 * @param lines       the quoted lines
 * @param focusLines  the lines the evidence points at
 * @param reasons     why these lines are quoted, e.g. "failing frame main.getColor (main.go:42)"
 * @param url         a link to the lines when the code backend gives one, else null
 */
public record CodeExcerpt(
        String path, int startLine, List<String> lines, List<Integer> focusLines, List<String> reasons, String url) {

    public CodeExcerpt {
        lines = List.copyOf(lines);
        focusLines = List.copyOf(focusLines);
        reasons = List.copyOf(reasons);
    }

    public int endLine() {
        return startLine + lines.size() - 1;
    }

    /** The quoted text of one line, or null when it is not quoted. */
    public String line(int number) {
        int i = number - startLine;
        return i >= 0 && i < lines.size() ? lines.get(i) : null;
    }
}
