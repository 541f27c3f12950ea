package dev.canarycouncil.metrics.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How ratio metrics (errors over requests), sampled metrics measured per interval (latency) and
 * rare events (restarts) are tested: sequentially (the default), with a p-value that stays valid
 * however often a controller calls; or once over the whole window with Fisher's exact test,
 * Mann-Whitney U and the exact binomial test, as Kayenta does (docs/metrics.md).
 */
public enum Judgement {
    FIXED_WINDOW,
    SEQUENTIAL;

    /** The name a metric set file uses: {@code fixed-window} or {@code sequential}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Judgement of(String key) {
        for (Judgement j : values()) {
            if (j.key().equals(key)) {
                return j;
            }
        }
        throw new IllegalArgumentException("judgement must be fixed-window or sequential, was '" + key + "'");
    }
}
