package dev.canarycouncil.runtime.tools;

import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.TimeWindow;

/**
 * A canary resolved to its rollout: both sides' pods and the window to analyse.
 *
 * @param window  the recorded window for a recording; the last minutes up to now for a live cluster
 */
public record RolloutPods(
        String namespace,
        String rollout,
        String service,
        PodGroup canary,
        PodGroup stable,
        TimeWindow window) {
}
