package dev.canarycouncil.loganalyst.incremental;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the analyst stopped in one container's log, so that the next call reads only what came
 * after: the last lines read, found again in what the next call fetches. Timestamps only choose how
 * much to fetch. They cannot mark the place themselves: lines of one second share a stamp, stack
 * frames carry none, and access logs stamp a request when it started, so lines arrive out of order.
 *
 * <p>The last lines can occur more than once (a burst of the same health check in one second), so
 * the cursor also counts the lines at the end that share the last timestamp seen: the place is the
 * occurrence preceded by exactly that many lines of that timestamp.
 *
 * @param tail        the last lines read, each with the newest timestamp seen at it (none before the first)
 * @param lines       all lines read from this log
 * @param timestamped whether any line read carried a timestamp; a log without them is fetched whole
 * @param lastRun     how many lines at the end share the last line's timestamp seen
 */
public record LogCursor(List<TailLine> tail, long lines, boolean timestamped, long lastRun) {

    public static final LogCursor START = new LogCursor(List.of(), 0, false, 0);

    /** How many of the last lines are kept to find the place again. */
    static final int TAIL_LINES = 8;

    /**
     * How far before the tail the next fetch starts: a line stamped up to this much earlier than the
     * lines before it (a slow request in an access log) still comes back and is not lost.
     */
    static final Duration MARGIN = Duration.ofMinutes(2);

    /** A line read, with the newest timestamp seen at it (its own, or the line's it continues). */
    public record TailLine(String text, Optional<Instant> seen) {}

    public LogCursor {
        tail = List.copyOf(tail);
    }

    /** The timestamp seen at the last line read; empty before any. */
    public Optional<Instant> lastSeen() {
        return tail.isEmpty() ? Optional.empty() : tail.get(tail.size() - 1).seen();
    }

    public boolean atStart() {
        return lines == 0;
    }

    /** When the next fetch of this log starts; empty to fetch it from the window's start. */
    public Optional<Instant> resumeFrom() {
        if (!timestamped) {
            return Optional.empty();
        }
        Instant earliest = null;
        for (TailLine line : tail) {
            if (line.seen().isEmpty()) {
                return Optional.empty();
            }
            Instant seen = line.seen().get();
            earliest = earliest == null || seen.isBefore(earliest) ? seen : earliest;
        }
        return Optional.ofNullable(earliest).map(e -> e.minus(MARGIN));
    }
}
