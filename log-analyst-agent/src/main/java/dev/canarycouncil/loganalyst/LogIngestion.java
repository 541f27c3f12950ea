package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LineHeader.Start;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import dev.canarycouncil.loganalyst.ingest.RecordStream;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.ingest.SideCoverage;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import dev.canarycouncil.loganalyst.signatures.CrashDetector;
import dev.canarycouncil.loganalyst.signatures.CrashSignature;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams each log through the whole pipeline (records, failure signatures, templates) and keeps the counts the judgement normalises by, and how much of each
 * side it could read as records of a known format. Nothing holds a whole log.
 */
public final class LogIngestion {

    private static final int UNRECOGNISED_SAMPLES = 3;
    private static final int SAMPLE_CHARS = 200;

    private final IngestLimits limits;
    private final TemplateMiner miner;
    private final CrashDetector crashes = new CrashDetector();
    private final RecordStream records;
    private final long[] lines = new long[2];
    private final long[] events = new long[2];
    private final long[] recordLines = new long[2];
    private final long[] recognisedLines = new long[2];
    private final long[] skippedLines = new long[2];
    private final List<Set<String>> unrecognised = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
    private long cutLines;
    private long binaryLines;

    public LogIngestion(IngestLimits limits, TemplateMiner miner) {
        this.limits = limits;
        this.miner = miner;
        this.records = new RecordStream(limits);
    }

    /** Reads one log (one container of one pod) to its end, or to the side's line limit. */
    public void read(Side side, String source, Reader reader) throws IOException {
        int s = side.index();
        RecordStream.Result read = records.read(
                side,
                source,
                reader,
                Math.max(0, limits.maxLinesPerSide() - lines[s]),
                (event, firstLine) -> record(s, event));
        lines[s] += read.lines();
        skippedLines[s] += read.skipped();
        cutLines += read.cut();
        binaryLines += read.binary();
    }

    private void record(int s, LogEvent event) {
        events[s]++;
        recordLines[s] += event.totalLines();
        if (event.recognised()) {
            recognisedLines[s] += event.totalLines();
        } else if (unrecognised.get(s).size() < UNRECOGNISED_SAMPLES) {
            String header = event.header().strip();
            unrecognised.get(s).add(header.length() > SAMPLE_CHARS ? header.substring(0, SAMPLE_CHARS) + "…" : header);
        }
        Start start = event.start();
        CrashSignature crash = event.level().atLeast(Level.WARN)
                        || !event.lines().isEmpty()
                        || start == Start.DUMP
                        || start == Start.CRASH
                        || start == Start.TRACEBACK
                ? crashes.detect(event)
                : null;
        miner.add(event, crash);
    }

    /** Whether a side reached its line limit: lines after it were not analysed. */
    public boolean full() {
        return skippedLines[0] > 0 || skippedLines[1] > 0;
    }

    public long lines(Side side) {
        return lines[side.index()];
    }

    /** Records (a multi-line stack trace is one). */
    public long events(Side side) {
        return events[side.index()];
    }

    /** How much of a side could be read as records of a known log format. */
    public SideCoverage coverage(Side side) {
        int s = side.index();
        return new SideCoverage(
                lines[s], events[s], recordLines[s], recognisedLines[s], List.copyOf(unrecognised.get(s)));
    }

    /** What a reader of the finding should know about what was not read in full. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (Side side : Side.values()) {
            if (skippedLines[side.index()] > 0) {
                notes.add("read the first " + limits.maxLinesPerSide() + " "
                        + side.name().toLowerCase(java.util.Locale.ROOT) + " log lines; " + skippedLines[side.index()]
                        + " more were not analysed");
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
