package dev.canarycouncil.mcp.prometheus;

import java.time.Duration;
import java.time.Instant;

/**
 * Evaluates PromQL. Implementations throw {@link dev.canarycouncil.mcp.server.ToolException}:
 * {@code BAD_QUERY} for PromQL they cannot parse or evaluate, {@code UNREACHABLE} or
 * {@code TIMEOUT} for a server that does not answer.
 */
public interface MetricsBackend {

    QueryResult instant(String query, Instant time);

    QueryResult range(String query, Instant start, Instant end, Duration step);

    /** The time "now" means for this backend: the recording's end, or the wall clock. */
    Instant now();
}
