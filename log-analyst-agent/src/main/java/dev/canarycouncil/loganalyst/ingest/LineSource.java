package dev.canarycouncil.loganalyst.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines from a stream without trusting it: a line longer than the cap is cut and the rest
 * of it skipped as it streams by (one endless line cannot fill the heap), binary garbage is
 * recognised and skipped, and every such event is counted for the finding's notes. Terminal colour
 * codes are removed. Invalid UTF-8 must already be replaced by the decoder that feeds this reader.
 */
public final class LineSource {

    private final Reader reader;
    private final int maxLineChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private final StringBuilder line = new StringBuilder(256);
    private long cutLines;
    private long binaryLines;

    public LineSource(Reader reader, int maxLineChars) {
        this.reader = reader;
        this.maxLineChars = maxLineChars;
    }

    /** The next text line, or null at the end of the stream. */
    public String next() throws IOException {
        lines:
        while (true) {
            line.setLength(0);
            boolean cut = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = reader.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int room = maxLineChars - line.length();
                int take = Math.min(room, position - start);
                if (position < limit && line.length() == 0) {
                    String whole = wholeLine(start, take, position - start > take);
                    position++;
                    if (whole == null) {
                        continue lines;
                    }
                    return whole;
                }
                if (take > 0) {
                    line.append(buffer, start, take);
                }
                if (position - start > take) {
                    cut = true;
                }
                if (position < limit) {
                    position++;
                    break;
                }
            }
            int len = line.length();
            if (len > 0 && line.charAt(len - 1) == '\r') {
                line.setLength(len - 1);
            }
            if (cut) {
                cutLines++;
            }
            CharSequence text = line.indexOf("\u001b") >= 0 ? Ansi.strip(line) : line;
            if (looksBinary(text)) {
                binaryLines++;
                continue;
            }
            return text.toString();
        }
    }

    /**
     * The common case, a line that lies whole in the buffer, read with one copy instead of two;
     * null when it is binary (counted, and the caller reads on).
     */
    private String wholeLine(int start, int take, boolean cut) {
        int end = start + take;
        if (end > start && buffer[end - 1] == '\r') {
            end--;
        }
        if (cut) {
            cutLines++;
        }
        int bad = 0;
        boolean escapes = false;
        for (int i = start; i < end; i++) {
            char c = buffer[i];
            if (isBinary(c)) {
                bad++;
                escapes |= c == '\u001b';
            }
        }
        if (escapes) {
            String plain = Ansi.strip(new String(buffer, start, end - start));
            if (looksBinary(plain)) {
                binaryLines++;
                return null;
            }
            return plain;
        }
        if (bad * 10 > end - start) {
            binaryLines++;
            return null;
        }
        return new String(buffer, start, end - start);
    }

    /** Lines longer than the cap, cut to it. */
    public long cutLines() {
        return cutLines;
    }

    /** Lines skipped because they were mostly control characters or undecodable bytes. */
    public long binaryLines() {
        return binaryLines;
    }

    /** More than a tenth of the characters are control characters or decoding replacements. */
    static boolean looksBinary(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (isBinary(s.charAt(i))) {
                bad++;
            }
        }
        return bad * 10 > n;
    }

    private static boolean isBinary(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f || c == '\uFFFD';
    }
}
