package dev.canarycouncil.mcp.kubernetes;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads log text as a stream with the same limits the Kubernetes log API applies: only lines
 * since a time, only the last N lines, at most N bytes (keeping the newest lines). Invalid UTF-8
 * is replaced, not fatal, and a single line longer than the byte limit is cut.
 */
public final class LogTextReader {

    /** The text kept, how many lines it has, and whether anything was cut to fit the limits. */
    public record Result(String text, int lineCount, boolean truncated) {}

    private LogTextReader() {}

    public static Result read(InputStream in, Instant since, Integer tailLines, long limitBytes) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        Deque<String> kept = new ArrayDeque<>();
        long keptBytes = 0;
        boolean truncated = false;
        Instant lastSeen = null;
        int maxLineChars = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, limitBytes));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024)) {
            String line;
            while ((line = readLine(reader, maxLineChars)) != null) {
                if (since != null) {
                    Instant stamp = LogTimestamps.leading(line);
                    if (stamp != null) {
                        lastSeen = stamp;
                    }
                    // Continuation lines (stack frames) carry no timestamp and follow their event. Lines
                    // before the first timestamp, and logs whose format has none (ASP.NET's console
                    // logger, uvicorn), cannot be placed in time: they are kept, never silently dropped.
                    if (lastSeen != null && lastSeen.isBefore(since)) {
                        continue;
                    }
                }
                long bytes = utf8Length(line) + 1;
                if (bytes > limitBytes) {
                    line = cut(line, (int) Math.max(0, limitBytes - 1));
                    bytes = utf8Length(line) + 1;
                    truncated = true;
                }
                kept.addLast(line);
                keptBytes += bytes;
                if (tailLines != null && kept.size() > tailLines) {
                    keptBytes -= utf8Length(kept.removeFirst()) + 1;
                }
                while (keptBytes > limitBytes) {
                    keptBytes -= utf8Length(kept.removeFirst()) + 1;
                    truncated = true;
                }
            }
        }
        StringBuilder text = new StringBuilder((int) Math.min(keptBytes, Integer.MAX_VALUE - 8));
        for (String l : kept) {
            text.append(l).append('\n');
        }
        return new Result(text.toString(), kept.size(), truncated);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static String cut(String line, int maxBytes) {
        long n = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int width = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
            if (n + width > maxBytes) {
                break;
            }
            n += width;
            i += Character.isHighSurrogate(c) ? 2 : 1;
        }
        return line.substring(0, Math.min(i, line.length()));
    }

    /**
     * A line of at most {@code maxChars} characters; the rest of a longer line is skipped, so one
     * endless line (a binary blob, a minified dump) cannot exhaust the heap.
     */
    static String readLine(BufferedReader reader, int maxChars) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        boolean any = false;
        while ((c = reader.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (line.length() < maxChars) {
                line.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }
}
