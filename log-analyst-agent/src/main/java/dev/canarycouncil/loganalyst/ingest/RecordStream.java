package dev.canarycouncil.loganalyst.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads one log into records: bounded lines ({@link LineSource}), the container runtime's wrapping
 * taken off ({@link Envelope}), lines grouped into records ({@link EventAssembler}). Each record
 * comes with the number of the line it starts on, so records can be checked against labelled logs.
 */
public final class RecordStream {

    /** Receives each record and the 1-based number of its first line. */
    @FunctionalInterface
    public interface Sink {
        void accept(LogEvent event, long firstLine);
    }

    /**
     * What reading one log came to.
     *
     * @param lines   lines read
     * @param skipped lines not read because the line budget was spent
     * @param cut     lines cut to the line-length cap
     * @param binary  binary or undecodable lines skipped
     */
    public record Result(long lines, long skipped, long cut, long binary) {}

    private final IngestLimits limits;

    public RecordStream(IngestLimits limits) {
        this.limits = limits;
    }

    /** Reads {@code reader} to its end, at most {@code maxLines} of it. */
    public Result read(Side side, String source, Reader reader, long maxLines, Sink sink) throws IOException {
        LineSource lineSource = new LineSource(reader, limits.maxLineChars());
        long[] openStart = {0};
        EventAssembler assembler =
                new EventAssembler(side, source, limits.maxEventLines(), event -> sink.accept(event, openStart[0]));
        Envelope envelope = null;
        boolean envelopeKnown = false;
        long lines = 0;
        long skipped = 0;
        long partialStart = 0;
        String line;
        while ((line = lineSource.next()) != null) {
            if (lines >= maxLines) {
                skipped++;
                continue;
            }
            lines++;
            long number = lines;
            if (!envelopeKnown && !line.isBlank()) {
                envelope = Envelope.of(line);
                envelopeKnown = true;
            }
            if (envelope != null) {
                line = envelope.unwrap(line);
                if (line == null) {
                    partialStart = partialStart == 0 ? number : partialStart;
                    continue; // part of a line the runtime split; the rest follows
                }
                if (partialStart > 0) {
                    number = partialStart;
                    partialStart = 0;
                }
            }
            boolean wasOpen = assembler.recordOpen();
            long before = assembler.emitted();
            assembler.accept(line, envelope == null ? null : envelope.time());
            if (assembler.recordOpen() && (!wasOpen || assembler.emitted() > before)) {
                openStart[0] = number;
            }
        }
        assembler.finish();
        return new Result(lines, skipped, lineSource.cutLines(), lineSource.binaryLines());
    }
}
