package dev.canarycouncil.mcp.prometheus;

import java.time.Duration;
import java.time.Instant;

import dev.canarycouncil.mcp.server.ToolException;
import dev.canarycouncil.mcp.server.ToolException.Kind;

/**
 * Metrics for a live cluster when no Prometheus was configured: every query says so, and the
 * metrics agent reports NODATA with that reason instead of judging without metrics silently.
 */
public final class NoMetricsBackend implements MetricsBackend {

    @Override
    public QueryResult instant(String query, Instant time) {
        throw unavailable();
    }

    @Override
    public QueryResult range(String query, Instant start, Instant end, Duration step) {
        throw unavailable();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    private static ToolException unavailable() {
        return new ToolException(Kind.UNSUPPORTED, "no Prometheus is configured for these tools (give --prometheus-url)");
    }
}
