package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.MetricSpec;

/** Test helper: metric specs with only what a test cares about. */
final class Specs {

    private Specs() {}

    static MetricSpec samples(String name, Direction direction, double allowed, double minDelta) {
        return new MetricSpec(
                name, null, "q", null, null, null, null, null, direction, false, allowed, minDelta, null, null, "s");
    }

    static MetricSpec ratio(String name, double allowed, double minDelta) {
        return new MetricSpec(
                name,
                null,
                null,
                null,
                null,
                "n",
                "d",
                null,
                Direction.INCREASE,
                true,
                allowed,
                minDelta,
                null,
                null,
                "ratio");
    }

    static MetricSpec events(String name) {
        return new MetricSpec(
                name, null, null, null, null, null, null, "e", Direction.INCREASE, true, 1.0, 0.5, null, null, null);
    }

    static MetricSpec grouped(String name, String group, boolean critical) {
        return new MetricSpec(
                name,
                null,
                "q",
                null,
                null,
                null,
                null,
                null,
                Direction.INCREASE,
                critical,
                null,
                null,
                group,
                null,
                null);
    }
}
