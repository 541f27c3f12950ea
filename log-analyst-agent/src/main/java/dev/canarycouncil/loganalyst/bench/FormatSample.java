package dev.canarycouncil.loganalyst.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A labelled sample of one log format, as the framework prints it, with the records a correct
 * reader finds in it (docs/log-formats.md says where each sample's format comes from).
 *
 * @param name     the format's id, e.g. {@code dotnet-aspnetcore-console}
 * @param title    the framework and configuration that writes it
 * @param sources  where the format was checked
 * @param text     the log
 * @param records  every record, in order
 */
public record FormatSample(String name, String title, List<String> sources, String text, List<Expected> records) {

    /**
     * One record a correct reader finds.
     *
     * @param line       the 1-based line it starts on
     * @param level      DEBUG, INFO, WARN, ERROR or FATAL
     * @param timestamp  its time, when its first line has a date with a year
     * @param access     its HTTP status, for an access-log line
     * @param exception  the exception, panic or crash it reports
     * @param plain      a line the program printed without any log header (a bare {@code print}): no
     *                   reader can tell it from a continuation line, so it may start a record or
     *                   continue the one before, and it is not counted
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expected(
            int line, String level, Instant timestamp, Access access, Exception exception, Boolean plain) {

        public boolean plainLine() {
            return Boolean.TRUE.equals(plain);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Access(int status) {}

    /**
     * @param type      as printed; absent where the language prints none (a Go error with a stack)
     * @param location  {@code file:line} of the top application frame, when the output names one
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Exception(String type, String message, String location) {}

    public long exceptions() {
        return counted().stream().filter(r -> r.exception() != null).count();
    }

    /** The records a reader is scored on: all but plain lines. */
    public List<Expected> counted() {
        return records.stream().filter(r -> !r.plainLine()).toList();
    }
}
