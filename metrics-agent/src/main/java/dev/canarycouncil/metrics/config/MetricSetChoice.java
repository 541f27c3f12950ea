package dev.canarycouncil.metrics.config;

/**
 * Which metric set the metrics agent compares: one the user configured, a bundled preset by name,
 * or the preset whose series the canary has ({@code auto}, the default).
 */
public sealed interface MetricSetChoice {

    /** A metric set from {@code --metrics-config}, compared as written. */
    record Configured(MetricSet set, String source) implements MetricSetChoice {}

    /** A bundled preset, from {@code --metrics-preset NAME}. */
    record Preset(String name) implements MetricSetChoice {}

    /** The first bundled preset with series for the canary, found per analysis. */
    record Auto() implements MetricSetChoice {}

    static MetricSetChoice auto() {
        return new Auto();
    }
}
