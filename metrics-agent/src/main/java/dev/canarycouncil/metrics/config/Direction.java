package dev.canarycouncil.metrics.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a metric may not move on the canary. */
public enum Direction {
    /** Higher on the canary is a regression (errors, latency, memory). */
    INCREASE,
    /** Lower on the canary is a regression (throughput, cache hit ratio). */
    DECREASE,
    /** Any significant change is a regression. */
    EITHER;

    @JsonValue
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Direction parse(String value) {
        for (Direction d : values()) {
            if (d.configName().equalsIgnoreCase(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction must be increase, decrease or either, not '" + value + "'");
    }
}
