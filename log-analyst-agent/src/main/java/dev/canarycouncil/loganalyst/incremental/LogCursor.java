package dev.canarycouncil.loganalyst.incremental;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the analyst stopped in one container's log, so that the next call reads only what came
 * after. Lines written in the same second share a timestamp and stack frames carry none, so a
 * timestamp alone cannot mark the place: the cursor also counts the lines read since the first line
 * that carried it.
 *
 * @param stamp        the newest timestamp read; empty for a log whose lines carry none
 * @param linesAtStamp lines read from the first line stamped {@code stamp} to the end (its frames and
 *                     later lines of the same second included)
 * @param lines        all lines read from this log
 * @param lastLine     the last line read, to check that a log without timestamps is the same log
 */
public record LogCursor(Optional<Instant> stamp, int linesAtStamp, long lines, String lastLine) {

    public static final LogCursor START = new LogCursor(Optional.empty(), 0, 0, "");

    public boolean atStart() {
        return lines == 0;
    }
}
