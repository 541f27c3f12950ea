package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stack trace a logger wrote inside one line or one field: JSON-escaped in a key=value or
 * trailing-JSON line ({@code msg="http: panic serving ...\ngoroutine 51 [running]:\n..."}, winston's
 * {@code {"stack":"TypeError: ...\n    at ..."}}), or a multi-line JSON value that became the record's
 * continuation lines. The failure is read from the record as if the stack had been printed plainly.
 */
final class EmbeddedStack {

    private EmbeddedStack() {}

    /** The record with an escaped stack in its first line unfolded, or null when it has none. */
    static LogEvent unfolded(LogEvent event) {
        String header = event.header();
        int escaped = header.indexOf("\\n");
        if (!event.lines().isEmpty() || escaped < 0) {
            return null;
        }
        int open = escaped;
        while (open > 0 && !(header.charAt(open) == '"' && header.charAt(open - 1) != '\\')) {
            open--;
        }
        int close = escaped;
        while (close < header.length() && !(header.charAt(close) == '"' && header.charAt(close - 1) != '\\')) {
            close++;
        }
        if (header.charAt(open) != '"') {
            return null;
        }
        String text = unescape(header.substring(open + 1, Math.min(close, header.length())));
        List<String> parts = new ArrayList<>(Arrays.asList(text.split("\n")));
        parts.removeIf(String::isBlank);
        if (parts.size() < 2) {
            return null;
        }
        return new LogEvent(
                event.side(),
                event.source(),
                event.timestamp(),
                event.level(),
                event.start(),
                parts.get(0),
                parts.subList(1, parts.size()),
                event.totalLines() + parts.size() - 1);
    }

    /** A JSON record's multi-line value read as its own record: its first line as the header. */
    static LogEvent firstValue(LogEvent event) {
        if (event.lines().isEmpty() || !event.header().contains("=(below)")) {
            return null;
        }
        List<String> lines = event.lines();
        return new LogEvent(
                event.side(),
                event.source(),
                event.timestamp(),
                event.level(),
                event.start(),
                lines.get(0),
                lines.subList(1, lines.size()),
                event.totalLines());
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> {}
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
