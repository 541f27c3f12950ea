package dev.canarycouncil.orchestrator.chat;

import java.util.List;

/**
 * Stable and canary series of one metric, for a comparison.
 *
 * @param metric the metric's name
 * @param unit   its unit as the metrics agent reported it
 * @param canary points as [epoch seconds, value]
 * @param stable points as [epoch seconds, value]
 */
public record MetricSeries(String metric, String unit, List<double[]> canary, List<double[]> stable) {}
