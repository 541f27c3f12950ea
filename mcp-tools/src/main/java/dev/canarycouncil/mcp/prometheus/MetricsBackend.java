package dev.canarycouncil.mcp.prometheus;

import java.time.Duration;
import java.time.Instant;

/**
 * Evaluates PromQL and lists series. Implementations throw {@link dev.canarycouncil.mcp.tool.ToolException}:
 * {@code BAD_QUERY} for PromQL they cannot parse or evaluate, {@code UNREACHABLE} or
 * {@code TIMEOUT} for a server that does not answer, {@code NOT_CONFIGURED} when there is no
 * metrics source at all.
 */
public interface MetricsBackend {

    QueryResult instant(String query, Instant time);

    QueryResult range(String query, Instant start, Instant end, Duration step);

    /** For each selector, the series it matches with samples between {@code start} and {@code end}, at most {@code limit} listed. */
    java.util.List<SeriesMatch> series(java.util.List<String> selectors, Instant start, Instant end, int limit);

    /** The values a label takes on the series a selector matches between {@code start} and {@code end}, sorted. */
    java.util.List<String> labelValues(String label, String selector, Instant start, Instant end);

    /** The time "now" means for this backend: the recording's end, or the wall clock. */
    Instant now();
}
