package dev.canarycouncil.loganalyst.bench;

import java.util.List;

/**
 * How well the log pipeline reads one labelled sample.
 *
 * @param records             records in the labels
 * @param recognised          of those, records found starting on the right line, ending where the next one
 *                            starts, with a header the pipeline recognised
 * @param levels              of the recognised, those with the right level
 * @param timestamps          labelled timestamps
 * @param timestampsRight     of those, read right
 * @param exceptions          records labelled with an exception
 * @param exceptionsLocated   of those, read with the right type and location
 * @param problems            what went wrong, one line each, for a person fixing it
 */
public record FormatScore(
        String name,
        long records,
        long recognised,
        long levels,
        long timestamps,
        long timestampsRight,
        long exceptions,
        long exceptionsLocated,
        List<String> problems) {

    public FormatScore {
        problems = List.copyOf(problems);
    }

    public boolean perfect() {
        return recognised == records
                && levels == records
                && timestampsRight == timestamps
                && exceptionsLocated == exceptions;
    }
}
