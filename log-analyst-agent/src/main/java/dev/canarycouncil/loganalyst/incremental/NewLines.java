package dev.canarycouncil.loganalyst.incremental;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts what one call fetched of a container's log down to the lines the previous calls have not
 * read. A timestamped log is fetched from a little before the last lines read, and those lines are
 * found again in it; a log without timestamps is fetched whole and read on by count while it is
 * whole. When the place cannot be found in a log that was not cut, the caller must read everything
 * again, never guess.
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
        List<String> tail = cursor.tail().stream().map(LogCursor.TailLine::text).toList();
        if (!cursor.timestamped()) {
            boolean same = !truncated
                    && lines.size() >= cursor.lines()
                    && lines.get((int) cursor.lines() - 1).equals(tail.get(tail.size() - 1));
            return same ? taken(lines, (int) cursor.lines(), cursor) : notAligned(cursor);
        }
        List<Integer> ends = new ArrayList<>();
        for (int from = 0; ; ) {
            int at = Collections.indexOfSubList(lines.subList(from, lines.size()), tail);
            if (at < 0) {
                break;
            }
            ends.add(from + at + tail.size());
            from += at + 1;
        }
        if (ends.size() == 1) {
            return taken(lines, ends.get(0), cursor);
        }
        if (ends.isEmpty()) {
            // Cut to its newest lines: the place was cut away with what lay between, all that is left is new.
            return truncated ? taken(lines, 0, cursor) : notAligned(cursor);
        }
        List<Optional<Instant>> seen = seen(lines);
        for (int end : ends) {
            if (endsTheRun(seen, end, cursor)) {
                return taken(lines, end, cursor);
            }
        }
        return notAligned(cursor);
    }

    private static Result notAligned(LogCursor cursor) {
        return new Result("", 0, cursor, false);
    }

    /** Whether exactly the cursor's last run of lines, and no more, share its timestamp before {@code end}. */
    private static boolean endsTheRun(List<Optional<Instant>> seen, int end, LogCursor cursor) {
        int start = end - (int) cursor.lastRun();
        if (start < 0) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!seen.get(i).equals(cursor.lastSeen())) {
                return false;
            }
        }
        return start == 0 || !seen.get(start - 1).equals(cursor.lastSeen());
    }

    /** The newest timestamp seen at each line, as the log reader's {@code since} sees it. */
    private static List<Optional<Instant>> seen(List<String> lines) {
        List<Optional<Instant>> seen = new ArrayList<>(lines.size());
        Optional<Instant> last = Optional.empty();
        for (String line : lines) {
            Instant stamp = LogTimestamps.leading(line);
            if (stamp != null) {
                last = Optional.of(stamp);
            }
            seen.add(last);
        }
        return seen;
    }

    /** Lines from {@code first} on are new; the cursor moves to the end of the fetched lines. */
    private static Result taken(List<String> lines, int first, LogCursor cursor) {
        if (first >= lines.size()) {
            return new Result("", 0, cursor, true);
        }
        List<LogCursor.TailLine> tail = new ArrayList<>(cursor.tail());
        Optional<Instant> seen = cursor.lastSeen();
        long run = cursor.lastRun();
        boolean timestamped = cursor.timestamped();
        StringBuilder text = new StringBuilder();
        int from = Math.max(first, lines.size() - LogCursor.TAIL_LINES);
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            text.append(line).append('\n');
            Instant stamp = LogTimestamps.leading(line);
            Optional<Instant> now = stamp != null ? Optional.of(stamp) : seen;
            // A line stamped again with the same time continues the run, as the reader cannot tell them apart.
            run = Objects.equals(now, seen) ? run + 1 : 1;
            seen = now;
            timestamped |= stamp != null;
            if (i >= from) {
                tail.add(new LogCursor.TailLine(line, seen));
            }
        }
        int count = lines.size() - first;
        List<LogCursor.TailLine> kept = tail.subList(Math.max(0, tail.size() - LogCursor.TAIL_LINES), tail.size());
        return new Result(text.toString(), count, new LogCursor(kept, cursor.lines() + count, timestamped, run), true);
    }
}
