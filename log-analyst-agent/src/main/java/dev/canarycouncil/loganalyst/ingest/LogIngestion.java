package dev.canarycouncil.loganalyst.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import dev.canarycouncil.loganalyst.signatures.CrashDetector;
import dev.canarycouncil.loganalyst.signatures.CrashSignature;

/**
 * Streams each log through the whole pipeline (bounded lines, records, failure signatures,
 * templates) and keeps the counts the judgement normalises by. Nothing holds a whole log.
 */
public final class LogIngestion {

    private final IngestLimits limits;
    private final TemplateMiner miner;
    private final CrashDetector crashes = new CrashDetector();
    private final long[] lines = new long[2];
    private final long[] events = new long[2];
    private final long[] skippedLines = new long[2];
    private long cutLines;
    private long binaryLines;
    private final List<String> sources = new ArrayList<>();

    public LogIngestion(IngestLimits limits, TemplateMiner miner) {
        this.limits = limits;
        this.miner = miner;
    }

    /** Reads one log (one container of one pod) to its end, or to the side's line limit. */
    public void read(Side side, String source, Reader reader) throws IOException {
        int s = side.index();
        sources.add(side.name().toLowerCase(java.util.Locale.ROOT) + ": " + source);
        LineSource lineSource = new LineSource(reader, limits.maxLineChars());
        EventAssembler assembler = new EventAssembler(side, source, limits.maxEventLines(), event -> {
            events[s]++;
            CrashSignature crash = event.level().atLeast(Level.WARN) || !event.lines().isEmpty()
                    || event.header().startsWith("panic") || event.header().startsWith("fatal")
                    ? crashes.detect(event) : null;
            miner.add(event, crash);
        });
        String line;
        while ((line = lineSource.next()) != null) {
            if (lines[s] >= limits.maxLinesPerSide()) {
                skippedLines[s]++;
                continue;
            }
            lines[s]++;
            assembler.accept(line);
        }
        assembler.finish();
        cutLines += lineSource.cutLines();
        binaryLines += lineSource.binaryLines();
    }

    public long lines(Side side) {
        return lines[side.index()];
    }

    /** Records (a multi-line stack trace is one). */
    public long events(Side side) {
        return events[side.index()];
    }

    /** What a reader of the finding should know about what was not read in full. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (Side side : Side.values()) {
            if (skippedLines[side.index()] > 0) {
                notes.add("read the first " + limits.maxLinesPerSide() + " " + side.name().toLowerCase(java.util.Locale.ROOT)
                        + " log lines; " + skippedLines[side.index()] + " more were not analysed");
            }
        }
        if (cutLines > 0) {
            notes.add(cutLines + " log line(s) longer than " + limits.maxLineChars() + " characters were cut");
        }
        if (binaryLines > 0) {
            notes.add(binaryLines + " binary or undecodable line(s) were skipped");
        }
        if (miner.refused() > 0) {
            notes.add(miner.refused() + " record(s) were not templated: the template limit was reached");
        }
        return notes;
    }

    public TemplateMiner miner() {
        return miner;
    }
}
