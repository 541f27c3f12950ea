package dev.canarycouncil.launcher;

import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.metrics.config.MetricSetException;
import dev.canarycouncil.metrics.config.MetricSetLoader;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-config FILE} and {@code --metrics-preset NAME}: what the metrics agent compares
 * (default: the bundled preset whose series the canary has).
 */
final class MetricsOptions {

    static final String AUTO = "auto";

    @Option(
            names = "--metrics-config",
            paramLabel = "FILE",
            defaultValue = "${env:CANARY_COUNCIL_METRICS_CONFIG}",
            description =
                    "Metric set for the metrics agent, YAML or JSON (see docs/metrics.md; env CANARY_COUNCIL_METRICS_CONFIG). "
                            + "Default: the bundled preset the canary's series match (--metrics-preset).")
    Path metricsConfig;

    @Option(
            names = "--metrics-preset",
            paramLabel = "NAME",
            defaultValue = "${env:CANARY_COUNCIL_METRICS_PRESET:-auto}",
            description =
                    "Bundled metric preset: auto (default: the first whose series the canary has), kube-prometheus, "
                            + "per-pod, opentelemetry, opentelemetry-legacy, spring-boot, istio, linkerd, nginx-ingress or envoy "
                            + "(env CANARY_COUNCIL_METRICS_PRESET; docs/metrics.md).")
    String metricsPreset;

    MetricSetChoice metricSet() {
        String preset = metricsPreset == null || metricsPreset.isBlank() ? AUTO : metricsPreset.strip();
        if (metricsConfig != null) {
            if (!AUTO.equals(preset)) {
                throw new UsageException("give --metrics-config or --metrics-preset, not both");
            }
            try {
                return new MetricSetChoice.Configured(MetricSetLoader.load(metricsConfig), metricsConfig.toString());
            } catch (MetricSetException e) {
                throw new UsageException("invalid metric set: " + e.getMessage());
            }
        }
        if (AUTO.equals(preset)) {
            return MetricSetChoice.auto();
        }
        PresetCatalog presets = PresetCatalog.bundled();
        if (presets.find(preset).isEmpty()) {
            throw new UsageException(
                    "unknown metric preset '" + preset + "'; known: auto, " + String.join(", ", presets.names()));
        }
        return new MetricSetChoice.Preset(preset);
    }
}
