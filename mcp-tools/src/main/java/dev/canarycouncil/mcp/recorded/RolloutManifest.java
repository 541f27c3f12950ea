package dev.canarycouncil.mcp.recorded;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.TimeWindow;
import java.util.List;

/**
 * {@code rollout.json} of a recorded rollout (format version 1).
 *
 * @param description  one line about what happened in this rollout
 * @param expected     the verdict a good judge reaches, for evaluation; may be null
 */
public record RolloutManifest(
        Integer formatVersion,
        String description,
        String namespace,
        String rollout,
        String service,
        Side stable,
        Side canary,
        TimeWindow window,
        Status status,
        Expected expected) {

    /** One side of the canary: its pod-template hash and a selector for its pods. */
    public record Side(String podTemplateHash, String selector, String version) {}

    /** The Argo Rollout status at recording time. */
    public record Status(String phase, Integer currentStep, Integer canaryWeight, String message) {}

    /**
     * What the evaluation expects.
     *
     * @param rootCauseKeywords words a correct root cause mentions
     * @param failureClass      e.g. {@code go-panic}, {@code 5xx-spike}, {@code healthy}
     */
    public record Expected(Decision verdict, String rootCause, List<String> rootCauseKeywords, String failureClass) {}
}
