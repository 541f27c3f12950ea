package dev.canarycouncil.loganalyst.incremental;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.PodGroup;
import java.time.Instant;

/**
 * One rollout's canary as the controller measures it again and again: the same pods' logs since the
 * same window start. A new canary revision, a rollback to another stable or a window that started
 * later (the cap on its length moved it) is another key, so nothing read for one is counted for another.
 */
public record RolloutKey(String namespace, String rollout, String canary, String stable, Instant windowStart) {

    public static RolloutKey of(AnalysisRequest request) {
        return new RolloutKey(
                request.namespace(),
                String.valueOf(request.rollout()),
                identity(request.canary()),
                identity(request.stable()),
                request.window().start());
    }

    private static String identity(PodGroup group) {
        return group.podTemplateHash() + "|" + group.selector();
    }
}
