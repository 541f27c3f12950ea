package dev.canarycouncil.runtime.schema;

import java.util.List;

/**
 * How much of one side's logs could be read as records of a known log format: what the other log
 * evidence rests on.
 *
 * @param side              {@code canary} or {@code stable}
 * @param lines             log lines read
 * @param records           records they made (a stack trace is one)
 * @param recognisedShare   0–1: share of lines placed in a record whose header a known format wrote
 * @param unrecognised      a few lines no known format wrote, redacted
 */
public record LogCoverageEvidence(
        String description,
        Severity severity,
        String side,
        long lines,
        long records,
        double recognisedShare,
        List<String> unrecognised)
        implements Evidence {

    public LogCoverageEvidence {
        unrecognised = unrecognised == null ? List.of() : List.copyOf(unrecognised);
    }
}
