package dev.canarycouncil.orchestrator.gate;

import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.SourceRepository;
import dev.canarycouncil.runtime.schema.TargetKind;

/**
 * One measurement a progressive-delivery controller asks for: which canary of which rollout, at
 * which step. Controllers ask again on a timeout and at every interval; the same measurement gets
 * the same analysis ({@link Measurements}).
 *
 * @param namespace   the rollout's namespace
 * @param kind        whose object {@code rollout} names
 * @param rollout     the Argo Rollout's or the Flagger Canary's name
 * @param canaryHash  the canary's pod-template hash, or for a Flagger Canary the checksum Flagger sends
 *                    for its current revision; blank to take the rollout's current one
 * @param stableHash  the stable's pod-template hash, checked against the rollout's; blank to take the rollout's
 * @param step        the controller's step or iteration, blank when it sends none
 * @param hints       operator hints for the log analyst (the plugin's {@code extraPrompt}), blank for none
 * @param repository  the code repository the caller names (the plugin's {@code repoUrl}), used only when allowed
 */
public record Measurement(
        String namespace,
        TargetKind kind,
        String rollout,
        String canaryHash,
        String stableHash,
        String step,
        String hints,
        SourceRepository repository) {

    /** True when the canary is named, so a finished analysis may answer later asks too. */
    boolean pinned() {
        return !canaryHash.isBlank();
    }

    public AnalysisTarget target() {
        if (kind == TargetKind.FLAGGER_CANARY) {
            return AnalysisTarget.flaggerCanary(namespace, rollout, hints.isBlank() ? null : hints)
                    .withRepository(repository);
        }
        return AnalysisTarget.builder(namespace)
                .podName(canaryHash.isBlank() ? null : canaryHash)
                .rollout(rollout)
                .hints(hints.isBlank() ? null : hints)
                .repository(repository)
                .build();
    }
}
