package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.runtime.schema.Decision;
import java.time.Instant;
import java.util.Optional;

/**
 * Which stored analyses to list, newest first.
 *
 * @param since  decided at or after
 * @param until  decided before
 * @param limit  at most this many (1–{@value #MAX_LIMIT})
 * @param offset skip this many of the newest first
 */
public record AnalysisQuery(
        Optional<String> namespace,
        Optional<String> rollout,
        Optional<Decision> decision,
        Optional<Instant> since,
        Optional<Instant> until,
        int limit,
        int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AnalysisQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative, was " + offset);
        }
    }

    /** The newest analyses, unfiltered. */
    public static AnalysisQuery recent(int limit) {
        return new AnalysisQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit, 0);
    }
}
