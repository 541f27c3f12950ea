package dev.canarycouncil.metrics.presets;

import dev.canarycouncil.metrics.config.MetricSet;
import java.util.List;

/**
 * A bundled metric set for one instrumentation convention, with the series that shows a service
 * uses it and the ways its series can be split into canary and stable.
 *
 * @param detect   a series selector with {@code {{target}}}: present for a side when the convention applies
 * @param targets  tried in order
 */
public record MetricPreset(String name, String description, MetricSet set, String detect, List<MetricTarget> targets) {

    public MetricPreset {
        targets = List.copyOf(targets);
    }
}
