package dev.canarycouncil.loganalyst.ingest;

import java.util.List;

/**
 * How much of one side's logs the analyst could read as records of a known format.
 *
 * @param lines              lines read
 * @param records            records they made
 * @param recordLines        lines in those records (blank lines between records, and the parts of a
 *                           line a container runtime split, are not counted apart)
 * @param recognisedLines    lines in records whose first line a known log format wrote
 * @param unrecognised       a few first lines of records no known format wrote, as they were
 */
public record SideCoverage(
        long lines, long records, long recordLines, long recognisedLines, List<String> unrecognised) {

    public SideCoverage {
        unrecognised = List.copyOf(unrecognised);
    }

    /** The share of lines placed in a record with a recognised header; 1 when nothing was read. */
    public double share() {
        return recordLines == 0 ? 1 : (double) recognisedLines / recordLines;
    }
}
