package dev.canarycouncil.mcp.prometheus;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import java.time.Duration;
import java.time.Instant;

/**
 * Metrics when no source is configured (a live cluster without a Prometheus URL, a recording
 * without {@code metrics.om}): every call says so with {@code NOT_CONFIGURED}, and the metrics
 * agent abstains, naming what is missing, instead of judging without metrics silently.
 */
public final class NoMetricsBackend implements MetricsBackend {

    private final String why;

    /** @param why what is missing and how to give it, e.g. {@code no Prometheus is configured (give --prometheus-url)} */
    public NoMetricsBackend(String why) {
        this.why = why;
    }

    public NoMetricsBackend() {
        this("no Prometheus is configured for these tools (give --prometheus-url)");
    }

    @Override
    public QueryResult instant(String query, Instant time) {
        throw unavailable();
    }

    @Override
    public QueryResult range(String query, Instant start, Instant end, Duration step) {
        throw unavailable();
    }

    @Override
    public java.util.List<SeriesMatch> series(java.util.List<String> selectors, Instant start, Instant end, int limit) {
        throw unavailable();
    }

    @Override
    public java.util.List<String> labelValues(String label, String selector, Instant start, Instant end) {
        throw unavailable();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    private ToolException unavailable() {
        return new ToolException(Kind.NOT_CONFIGURED, why);
    }
}
