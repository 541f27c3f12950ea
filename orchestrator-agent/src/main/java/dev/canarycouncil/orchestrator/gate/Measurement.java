package dev.canarycouncil.orchestrator.gate;

import dev.canarycouncil.runtime.schema.AnalysisTarget;

/**
 * One measurement a progressive-delivery controller asks for: which canary of which rollout, at
 * which step. Controllers ask again on a timeout and at every interval; the same measurement gets
 * the same analysis ({@link Measurements}).
 *
 * @param namespace   the rollout's namespace
 * @param rollout     the Argo Rollout's name
 * @param canaryHash  the canary's pod-template hash; blank to take the rollout's current one
 * @param stableHash  the stable's pod-template hash, checked against the rollout's; blank to take the rollout's
 * @param step        the controller's step or iteration, blank when it sends none
 * @param hints       operator hints for the log analyst (the plugin's {@code extraPrompt}), blank for none
 */
public record Measurement(String namespace, String rollout, String canaryHash, String stableHash, String step, String hints) {

    /** True when the canary is named, so a finished analysis may answer later asks too. */
    boolean pinned() {
        return !canaryHash.isBlank();
    }

    public AnalysisTarget target() {
        return new AnalysisTarget(namespace, canaryHash.isBlank() ? null : canaryHash, null, rollout, null, null,
                hints.isBlank() ? null : hints);
    }
}
