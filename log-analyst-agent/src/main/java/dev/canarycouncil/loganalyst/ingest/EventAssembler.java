package dev.canarycouncil.loganalyst.ingest;

import dev.canarycouncil.loganalyst.ingest.LineHeader.Start;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups the lines of one log stream into records, one per logical event. A line continues the
 * current record when it is indented (stack frames), is a {@code Caused by:} or {@code ... N more}
 * line, belongs to a crash report (a Go or Rust panic, Node's uncaught error) or an open Python
 * traceback (chained ones included), carries the message of a header that puts it on the next line
 * (ASP.NET Core, java.util.logging), or carries no header in a stream whose records do (a Java
 * exception under its ERROR line, Rails' tagged backtrace lines). Each line of a JSON log is one
 * whole record; an access-log line is always one.
 */
public final class EventAssembler {

    private static final String[] CHAIN_LINES = {
        "During handling of the above exception, another exception occurred:",
        "The above exception was the direct cause of the following exception:"
    };

    private final Side side;
    private final String source;
    private final int maxEventLines;
    private final Consumer<LogEvent> sink;

    private String header;
    private Instant timestamp;
    private Level level;
    private Start start;
    private boolean tracebackOpen;
    private boolean chainPending;
    private List<String> lines;
    private int total;
    private Instant lastTimestamp;
    private int year = java.time.LocalDate.now(ZoneOffset.UTC).getYear();
    private boolean streamHasHeaders;
    private long emitted;

    public EventAssembler(Side side, String source, int maxEventLines, Consumer<LogEvent> sink) {
        this.side = side;
        this.source = source;
        this.maxEventLines = maxEventLines;
        this.sink = sink;
    }

    public void accept(String line) {
        accept(line, null);
    }

    /**
     * @param envelopeTime the time the container runtime recorded for the line (CRI log files), used
     *                     when the line carries none of its own; may be null
     */
    public void accept(String line, Instant envelopeTime) {
        if (line.isBlank()) {
            if (header != null && (start == Start.DUMP || tracebackOpen || chainPending)) {
                append(line);
            }
            return;
        }
        if (line.charAt(0) == '{') {
            JsonRecord json = JsonRecord.parse(line);
            if (json != null) {
                flush();
                startJson(json, envelopeTime);
                return;
            }
        }
        if (header != null && traceback(line)) {
            return;
        }
        LineHeader h = LineHeader.read(line, year);
        if (h.timestamp() != null) {
            lastTimestamp = h.timestamp();
            year = lastTimestamp.atOffset(ZoneOffset.UTC).getYear();
        }
        if (header != null && continues(line, h)) {
            append(line);
            if (start == Start.DUMP && endsDump(line)) {
                flush();
            }
            return;
        }
        flush();
        begin(line, h, envelopeTime);
    }

    /** Emits the last record. */
    public void finish() {
        flush();
    }

    /** Whether a record is open, waiting for lines that may continue it. */
    public boolean recordOpen() {
        return header != null;
    }

    /** Records emitted so far. */
    public long emitted() {
        return emitted;
    }

    /**
     * A Python traceback's own lines: its frames, the exception line that closes it, and the
     * sentence and traceback of a chained exception after it.
     */
    private boolean traceback(String line) {
        char first = line.charAt(0);
        if (tracebackOpen) {
            if (first == ' ' || first == '\t') {
                append(line);
                return true;
            }
            LineHeader h = LineHeader.read(line, year);
            if (h.timestamp() != null && h.start() != Start.TRACEBACK) {
                return false; // a new log line: the traceback was cut short
            }
            // The unindented line after the frames names the exception and closes the traceback.
            append(line);
            tracebackOpen = false;
            return true;
        }
        if (chainPending && line.startsWith("Traceback (")) {
            append(line);
            chainPending = false;
            tracebackOpen = true;
            return true;
        }
        for (String chain : CHAIN_LINES) {
            if (line.startsWith(chain)
                    && (start == Start.TRACEBACK || lines.stream().anyMatch(l -> l.startsWith("Traceback (")))) {
                append(line);
                chainPending = true;
                return true;
            }
        }
        return false;
    }

    private boolean continues(String line, LineHeader h) {
        if (start == Start.SPLIT && total == 1 && h.timestamp() == null) {
            if (h.level() != null) {
                level = h.level(); // java.util.logging: "SEVERE: message" under the date line
            }
            return true;
        }
        if (start == Start.DUMP) {
            return !h.present() || h.start() == Start.CRASH;
        }
        if (h.present()) {
            if (h.start() == Start.TRACEBACK
                    && level != null
                    && level.atLeast(Level.ERROR)
                    && (start == Start.MESSAGE || start == Start.SPLIT)) {
                // logging.exception() writes its message, then the traceback: one record.
                tracebackOpen = true;
                return true;
            }
            return false;
        }
        if (start == Start.ACCESS || start == Start.TRACEBACK) {
            return false; // an access line is one line; a traceback's own lines were taken above
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            return true;
        }
        if (line.startsWith("Caused by:") || line.startsWith("Suppressed:") || line.startsWith("...")) {
            return true;
        }
        if (line.length() <= 2 && (line.charAt(0) == '}' || line.charAt(0) == ']')) {
            return true; // the end of an object printed over several lines (Node's inspected error properties)
        }
        return streamHasHeaders && start != Start.NONE;
    }

    /** The last line of a crash report: Node's version line, Rust's note on backtraces. */
    private static boolean endsDump(String line) {
        return line.startsWith("Node.js v") || line.startsWith("note: ");
    }

    private void begin(String line, LineHeader h, Instant envelopeTime) {
        header = line;
        start = h.start();
        // Only a log format's own headers make the stream one where unheadered lines continue a record.
        streamHasHeaders |= start == Start.MESSAGE || start == Start.SPLIT || start == Start.ACCESS;
        timestamp = h.timestamp() != null ? h.timestamp() : envelopeTime != null ? envelopeTime : lastTimestamp;
        level = h.level();
        lines = new ArrayList<>(0);
        total = 1;
        tracebackOpen = start == Start.TRACEBACK;
        chainPending = false;
    }

    /** A JSON record is whole: its multi-line values are its continuation lines. */
    private void startJson(JsonRecord json, Instant envelopeTime) {
        header = json.text();
        start = Start.MESSAGE;
        streamHasHeaders = true;
        if (json.timestamp() != null) {
            lastTimestamp = json.timestamp();
        }
        timestamp = json.timestamp() != null ? json.timestamp() : envelopeTime != null ? envelopeTime : lastTimestamp;
        tracebackOpen = false;
        chainPending = false;
        level = json.level() != null ? json.level() : Level.INFO;
        lines = new ArrayList<>(Math.min(json.lines().size(), maxEventLines));
        total = 1;
        json.lines().forEach(this::append);
    }

    private void append(String line) {
        total++;
        if (lines.size() < maxEventLines) {
            lines.add(line);
        }
    }

    private void flush() {
        if (header != null) {
            emitted++;
            sink.accept(new LogEvent(
                    side, source, timestamp, level == null ? Level.INFO : level, start, header, lines, total));
            header = null;
            tracebackOpen = false;
            chainPending = false;
        }
    }
}
