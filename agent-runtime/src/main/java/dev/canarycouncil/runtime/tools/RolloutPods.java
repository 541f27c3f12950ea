package dev.canarycouncil.runtime.tools;

import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.TimeWindow;

/**
 * A canary resolved to its rollout: both sides' pods and the window to analyse.
 *
 * @param window  the recorded window for a recording; for a live cluster from the canary ReplicaSet's creation
 *                to now, capped (an hour by default)
 */
public record RolloutPods(
        String namespace, String rollout, String service, PodGroup canary, PodGroup stable, TimeWindow window) {}
