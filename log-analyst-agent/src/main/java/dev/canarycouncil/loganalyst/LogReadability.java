package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.ingest.SideCoverage;
import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much of each side's logs could be read as records of a known format, as evidence, and as a
 * blind spot when a side is mostly unreadable: then levels and failures may be hiding in lines no
 * reader understood, and no PROMOTE may rest on those logs.
 */
final class LogReadability {

    /** A side with fewer of its lines in recognised records than this is unreadable. */
    static final double MIN_RECOGNISED_SHARE = 0.5;

    private final List<LogCoverageEvidence> evidence = new ArrayList<>();
    private final List<BlindSpot> blindSpots = new ArrayList<>();

    LogReadability(LogIngestion logs) {
        for (Side side : Side.values()) {
            SideCoverage c = logs.coverage(side);
            if (c.lines() == 0) {
                continue;
            }
            String name = side.name().toLowerCase(Locale.ROOT);
            boolean unreadable = c.share() < MIN_RECOGNISED_SHARE;
            String description = String.format(
                    Locale.ROOT,
                    "%s logs: %,d lines, %,d records, %.0f%% of lines in records of a " + "recognised log format",
                    capitalised(name),
                    c.lines(),
                    c.records(),
                    100 * c.share());
            evidence.add(new LogCoverageEvidence(
                    description,
                    unreadable ? Severity.WARNING : Severity.INFO,
                    name,
                    c.lines(),
                    c.records(),
                    c.share(),
                    c.unrecognised()));
            if (unreadable) {
                blindSpots.add(new BlindSpot(
                        BlindSpot.Kind.UNREADABLE,
                        name + " logs",
                        String.format(
                                Locale.ROOT,
                                "%,d of %,d lines are in no log format the analyst recognises, so their levels, times and failures "
                                        + "are unknown (docs/log-formats.md lists the formats read)",
                                c.recordLines() - c.recognisedLines(),
                                c.recordLines()),
                        c.unrecognised()));
            }
        }
    }

    List<LogCoverageEvidence> evidence() {
        return evidence;
    }

    List<BlindSpot> blindSpots() {
        return blindSpots;
    }

    boolean blind() {
        return !blindSpots.isEmpty();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
