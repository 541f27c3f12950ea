package dev.canarycouncil.loganalyst.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups the lines of one log stream into records. A line continues the current record when it
 * is indented (stack frames), is a {@code Caused by:} or {@code ... N more} line, belongs to a Go
 * panic or an open Python traceback, or carries no timestamp or level in a stream whose records
 * do (a Java exception under its ERROR line). A Go panic or an uncaught exception always starts
 * a record of its own, and each line of a JSON log is one whole record.
 */
public final class EventAssembler {

    private enum Kind { RECORD, GO_PANIC, PY_TRACEBACK }

    private final Side side;
    private final String source;
    private final int maxEventLines;
    private final Consumer<LogEvent> sink;

    private String header;
    private Instant timestamp;
    private Level level;
    private boolean headered;
    private Kind kind;
    private boolean tracebackOpen;
    private List<String> lines;
    private int total;
    private Instant lastTimestamp;
    private boolean streamHasHeaders;

    public EventAssembler(Side side, String source, int maxEventLines, Consumer<LogEvent> sink) {
        this.side = side;
        this.source = source;
        this.maxEventLines = maxEventLines;
        this.sink = sink;
    }

    public void accept(String line) {
        if (line.isBlank()) {
            if (header != null && (kind == Kind.GO_PANIC || tracebackOpen)) {
                append(line);
            }
            return;
        }
        if (line.charAt(0) == '{') {
            JsonRecord json = JsonRecord.parse(line);
            if (json != null) {
                flush();
                startJson(json);
                return;
            }
        }
        LineHeader h = LineHeader.of(line);
        if (h.timestamp() != null) {
            lastTimestamp = h.timestamp();
        }
        if (header != null && continues(line, h)) {
            append(line);
            return;
        }
        flush();
        start(line, h);
    }

    /** Emits the last record. */
    public void finish() {
        flush();
    }

    private boolean continues(String line, LineHeader h) {
        if (h.present()) {
            return false;
        }
        if (line.startsWith("Traceback (most recent call last)")) {
            // logging.exception() writes its message, then the traceback: one record.
            if (kind == Kind.RECORD && level != null && level.atLeast(Level.ERROR)) {
                tracebackOpen = true;
                return true;
            }
            return false;
        }
        if (startsCrash(line)) {
            return false;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            return true;
        }
        if (line.startsWith("Caused by:") || line.startsWith("Suppressed:") || line.startsWith("...")) {
            return true;
        }
        if (kind == Kind.GO_PANIC) {
            return true;
        }
        if (tracebackOpen) {
            // The unindented line after the frames names the exception and closes the traceback.
            tracebackOpen = false;
            return true;
        }
        return streamHasHeaders && headered;
    }

    private static boolean startsCrash(String line) {
        return line.startsWith("panic: ") || line.startsWith("fatal error: ") || line.startsWith("Exception in thread ")
                || line.startsWith("Traceback (most recent call last)") || line.startsWith("Uncaught ")
                || line.startsWith("SIGSEGV") || line.startsWith("SIGABRT");
    }

    private void start(String line, LineHeader h) {
        header = line;
        headered = h.present();
        streamHasHeaders |= headered;
        timestamp = h.timestamp() != null ? h.timestamp() : lastTimestamp;
        lines = new ArrayList<>(0);
        total = 1;
        tracebackOpen = false;
        if (line.startsWith("panic: ") || line.startsWith("fatal error: ")) {
            kind = Kind.GO_PANIC;
            level = Level.FATAL;
        } else if (line.contains("http: panic serving")) {
            // net/http recovered a handler's panic and prints its goroutine trace next.
            kind = Kind.GO_PANIC;
            level = Level.ERROR;
        } else if (line.startsWith("Traceback (most recent call last)")) {
            kind = Kind.PY_TRACEBACK;
            tracebackOpen = true;
            level = Level.FATAL;
        } else {
            kind = Kind.RECORD;
            level = h.level() != null ? h.level() : startsCrash(line) ? Level.FATAL : Level.INFO;
        }
    }

    /** A JSON record is whole: its multi-line values are its continuation lines. */
    private void startJson(JsonRecord json) {
        header = json.text();
        headered = true;
        streamHasHeaders = true;
        if (json.timestamp() != null) {
            lastTimestamp = json.timestamp();
        }
        timestamp = json.timestamp() != null ? json.timestamp() : lastTimestamp;
        kind = Kind.RECORD;
        tracebackOpen = false;
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
            sink.accept(new LogEvent(side, source, timestamp, level, header, lines, total));
            header = null;
        }
    }
}
