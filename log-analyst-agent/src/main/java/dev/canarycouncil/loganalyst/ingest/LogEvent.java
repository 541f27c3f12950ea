package dev.canarycouncil.loganalyst.ingest;

import dev.canarycouncil.loganalyst.ingest.LineHeader.Start;
import java.time.Instant;
import java.util.List;

/**
 * One log record: its first line and the lines that continue it (stack frames, a traceback).
 *
 * @param source      pod and container the record came from
 * @param timestamp   the record's time, or the last time seen before it; null when the log has none
 * @param start       how its first line began it; {@link Start#NONE} when no known log format wrote it
 * @param header      the record's first line
 * @param lines       the continuation lines kept (capped)
 * @param totalLines  all lines of the record, kept or not
 */
public record LogEvent(
        Side side,
        String source,
        Instant timestamp,
        Level level,
        Start start,
        String header,
        List<String> lines,
        int totalLines) {

    /** True when a known log format wrote the record's first line. */
    public boolean recognised() {
        return start != Start.NONE;
    }

    /**
     * What the record says, in one line: its header, and for a header whose message follows on the
     * next line (ASP.NET Core, java.util.logging), that line too.
     */
    public String message() {
        if (start == Start.SPLIT && !lines.isEmpty()) {
            return header + " " + lines.get(0).strip();
        }
        return header;
    }

    /** The record as text, at most {@code maxChars} characters. */
    public String text(int maxChars) {
        StringBuilder s = new StringBuilder(header.length() + 64);
        s.append(header);
        for (String line : lines) {
            if (s.length() >= maxChars) {
                break;
            }
            s.append('\n').append(line);
        }
        if (totalLines > lines.size() + 1 && s.length() < maxChars) {
            s.append("\n... ").append(totalLines - lines.size() - 1).append(" more lines");
        }
        return s.length() > maxChars ? s.substring(0, maxChars) : s.toString();
    }
}
