package dev.canarycouncil.launcher;

import java.nio.file.Path;

import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.config.MetricSetException;
import dev.canarycouncil.metrics.config.MetricSetLoader;
import picocli.CommandLine.Option;

/** {@code --metrics-config FILE}: the metric set the metrics agent compares (default: the built-in one). */
final class MetricsOptions {

    @Option(names = "--metrics-config", paramLabel = "FILE", defaultValue = "${env:CANARY_COUNCIL_METRICS_CONFIG}",
            description = "Metric set for the metrics agent, YAML or JSON (see docs/metrics.md; env CANARY_COUNCIL_METRICS_CONFIG). "
                    + "Default: request 5xx ratio, p50/p95/p99 latency, CPU, memory, memory growth and restarts by the usual labels.")
    Path metricsConfig;

    MetricSet metricSet() {
        if (metricsConfig == null) {
            return MetricSetLoader.defaults();
        }
        try {
            return MetricSetLoader.load(metricsConfig);
        } catch (MetricSetException e) {
            throw new UsageException("invalid metric set: " + e.getMessage());
        }
    }
}
