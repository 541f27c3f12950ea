package dev.canarycouncil.loganalyst.ingest;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.time.Instant;

/**
 * What the start of a log line says about it: whether it starts a record and of what shape, its
 * timestamp, its level and, for an access-log line, its HTTP status. A line with none of these may
 * continue the previous record (a stack frame, an exception, a wrapped message).
 *
 * @param timestamp  null when the line carries none
 * @param level      null when the line declares none
 * @param status     the HTTP status of an access-log line, else 0
 */
public record LineHeader(Start start, Instant timestamp, Level level, int status) {

    /** How a line begins a record, which decides which lines may follow it. */
    public enum Start {
        /** Not a header: the line continues a record, or stands alone in a log without headers. */
        NONE,
        /** A log line with its message. */
        MESSAGE,
        /** A header whose message is on the next line (ASP.NET Core's console logger, java.util.logging). */
        SPLIT,
        /** An HTTP access-log line: always one line. */
        ACCESS,
        /** A runtime's crash report that runs until the next header: a Go panic, a Rust panic, Node's uncaught error. */
        DUMP,
        /** A Python traceback, closed by its exception line unless a chained traceback follows. */
        TRACEBACK,
        /** An exception line printed without a header: Node's error stack, Java's uncaught exception, .NET's unhandled one. */
        CRASH
    }

    private static final LineHeader NONE = new LineHeader(Start.NONE, null, null, 0);

    public boolean present() {
        return start != Start.NONE;
    }

    /** The header of a line, giving timestamps written without a year the year {@code year}. */
    public static LineHeader read(String line, int year) {
        if (line.isEmpty()) {
            return NONE;
        }
        char c = line.charAt(0);
        if (c == ' ' || c == '\t') {
            return NONE; // indented: a frame or a wrapped message, whatever words it holds
        }
        LineHeader crash = CrashStarts.read(line);
        if (crash != null) {
            return crash;
        }
        LogTimestamps.Found found = LogTimestamps.find(line, year);
        Instant timestamp = found == null ? null : found.instant();
        int after = found != null && found.start() <= 1 ? found.end() : -1;
        if (after >= 0 && line.startsWith("http: panic serving", after + 1)) {
            // net/http recovered a handler's panic and prints its goroutine trace next.
            return new LineHeader(Start.DUMP, timestamp, Level.ERROR, 0);
        }
        Level level = LevelWords.of(line, after);
        int status = line.length() > 20 ? AccessLine.status(line, after) : 0;
        if (status > 0) {
            Level fromStatus = status >= 500 ? Level.ERROR : Level.INFO;
            return new LineHeader(
                    Start.ACCESS, timestamp, level == null ? fromStatus : Level.max(level, fromStatus), status);
        }
        if (timestamp == null && level == null) {
            return NONE;
        }
        boolean split =
                (level != null && aspNetCategoryOnly(line)) || (timestamp != null && level == null && julSource(line));
        return new LineHeader(split ? Start.SPLIT : Start.MESSAGE, timestamp, level, 0);
    }

    /** {@code info: Microsoft.Hosting.Lifetime[14]}: ASP.NET Core prints the message on the next line. */
    private static boolean aspNetCategoryOnly(String line) {
        if (line.charAt(line.length() - 1) != ']'
                || line.length() < 8
                || line.charAt(4) != ':'
                || line.charAt(5) != ' ') {
            return false;
        }
        int open = line.lastIndexOf('[');
        return open > 6 && line.indexOf(' ', 6) < 0;
    }

    /** {@code May 05, 2026 10:00:01 AM com.example.Foo method}: the level and message follow on the next line. */
    private static boolean julSource(String line) {
        return line.length() > 12 && Character.isUpperCase(line.charAt(0)) && line.charAt(6) == ',';
    }
}
