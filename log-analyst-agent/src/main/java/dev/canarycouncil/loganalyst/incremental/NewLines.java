package dev.canarycouncil.loganalyst.incremental;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cuts what one call fetched of a container's log down to the lines the previous calls have not
 * read. The fetch starts at the cursor's timestamp ({@code since} is inclusive), so the lines of that
 * second which were already read come again and are skipped by count. A log without timestamps is
 * fetched whole; it lines up only when it was not cut and still holds the last line read where it
 * was. When it does not line up the caller must read everything again, never guess.
 */
public final class NewLines {

    /**
     * The unread lines and the cursor after them.
     *
     * @param aligned false when the fetched text could not be placed after the cursor
     */
    public record Result(String text, int count, LogCursor next, boolean aligned) {}

    private NewLines() {}

    public static Result after(LogCursor cursor, String fetched, boolean truncated) {
        List<String> lines = fetched.lines().toList();
        if (cursor.atStart()) {
            return taken(lines, 0, cursor);
        }
        if (cursor.stamp().isEmpty()) {
            boolean same = !truncated
                    && lines.size() >= cursor.lines()
                    && lines.get((int) cursor.lines() - 1).equals(cursor.lastLine());
            return same ? taken(lines, (int) cursor.lines(), cursor) : new Result("", 0, cursor, false);
        }
        Instant read = cursor.stamp().get();
        Instant newest = null;
        int run = 0;
        int first = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            Instant stamp = LogTimestamps.leading(lines.get(i));
            if (stamp != null && (newest == null || stamp.isAfter(newest))) {
                newest = stamp;
                run = 0;
            }
            run++;
            // Frames before any timestamp belong to a record read before; a timestamp older than the
            // cursor's is the server's coarser cut.
            boolean old =
                    newest == null || newest.isBefore(read) || (newest.equals(read) && run <= cursor.linesAtStamp());
            if (!old) {
                first = i;
                break;
            }
        }
        return taken(lines, first, cursor);
    }

    /** Lines from {@code first} on are new; the cursor moves to the end of all fetched lines. */
    private static Result taken(List<String> lines, int first, LogCursor cursor) {
        if (first >= lines.size()) {
            return new Result("", 0, cursor, true);
        }
        Optional<Instant> stamp = cursor.stamp();
        int atStamp = cursor.linesAtStamp();
        Instant newest = stamp.orElse(null);
        int run = atStamp;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i >= first) {
                text.append(line).append('\n');
                Instant s = LogTimestamps.leading(line);
                if (s != null && (newest == null || s.isAfter(newest))) {
                    newest = s;
                    run = 0;
                }
                run++;
            }
        }
        int count = lines.size() - first;
        return new Result(
                text.toString(),
                count,
                new LogCursor(Optional.ofNullable(newest), run, cursor.lines() + count, lines.get(lines.size() - 1)),
                true);
    }
}
