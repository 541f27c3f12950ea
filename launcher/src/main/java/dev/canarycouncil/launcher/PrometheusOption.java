package dev.canarycouncil.launcher;

import dev.canarycouncil.mcp.prometheus.PrometheusMetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.ToolBackends;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/**
 * {@code --prometheus-url URL}: answer the PromQL tools from a real Prometheus instead of the
 * recording's series (e.g. one the recording was backfilled into, or the live one). The token
 * comes from the environment only, so it never shows in a process list.
 */
final class PrometheusOption {

    static final String TOKEN_ENV = "CANARY_COUNCIL_PROMETHEUS_TOKEN";

    @Option(
            names = "--prometheus-url",
            paramLabel = "URL",
            defaultValue = "${env:CANARY_COUNCIL_PROMETHEUS_URL}",
            description =
                    "Prometheus for the PromQL tools, e.g. http://prometheus:9090 (env CANARY_COUNCIL_PROMETHEUS_URL; "
                            + "a bearer token may be given in env " + TOKEN_ENV
                            + "). Default: the recording's own series.")
    String prometheusUrl;

    ToolBackends apply(ToolBackends backends, RecordedRollout recording) {
        if (prometheusUrl == null || prometheusUrl.isBlank()) {
            return backends;
        }
        URI url;
        try {
            url = new URI(prometheusUrl);
        } catch (URISyntaxException e) {
            throw new UsageException("--prometheus-url '" + prometheusUrl + "' is not a URL: " + e.getReason());
        }
        // A recording's "now" is its window's end, also when its series live in a Prometheus.
        Clock clock = recording == null
                ? Clock.systemUTC()
                : Clock.fixed(recording.manifest().window().end(), ZoneOffset.UTC);
        PrometheusMetricsBackend prometheus;
        try {
            prometheus = new PrometheusMetricsBackend(
                    url, System.getenv(TOKEN_ENV), PrometheusMetricsBackend.DEFAULT_TIMEOUT, clock);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--prometheus-url: " + e.getMessage());
        }
        return backends.withMetrics(prometheus, prometheus.description());
    }
}
