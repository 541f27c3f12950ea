package dev.canarycouncil.metrics;

import java.util.List;

/**
 * Both sides' series of one metric over a span, as the metrics agent queries them.
 *
 * @param metric      the metric's name in the metric set
 * @param unit        its unit
 * @param canary      points as [epoch seconds, value]
 * @param stable      points as [epoch seconds, value]
 * @param canaryQuery the PromQL asked for the canary
 * @param stableQuery the PromQL asked for the stable
 */
public record MetricSeriesAnswer(
        String metric,
        String unit,
        List<double[]> canary,
        List<double[]> stable,
        String canaryQuery,
        String stableQuery) {}
