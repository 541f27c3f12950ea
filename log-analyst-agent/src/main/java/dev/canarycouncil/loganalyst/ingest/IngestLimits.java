package dev.canarycouncil.loganalyst.ingest;

/**
 * Caps that keep one analysis bounded whatever the logs hold.
 *
 * @param maxLineChars     longer lines are cut (and counted) before analysis
 * @param maxLinesPerSide  lines read per side; the rest is skipped (and counted)
 * @param maxEventLines    lines kept of one multi-line event (a stack trace); the rest is counted
 */
public record IngestLimits(int maxLineChars, long maxLinesPerSide, int maxEventLines) {

    public static IngestLimits defaults() {
        return new IngestLimits(16 * 1024, 2_000_000, 200);
    }
}
