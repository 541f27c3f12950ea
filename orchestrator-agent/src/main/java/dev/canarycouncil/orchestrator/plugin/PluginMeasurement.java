package dev.canarycouncil.orchestrator.plugin;

import dev.canarycouncil.orchestrator.gate.Measurement;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.TargetKind;
import java.util.Optional;

/**
 * The measurement a plugin request stands for, when it names one: the rollout and the canary by
 * its pod-template hash ({@code rollouts-pod-template-hash=…}, as the bundled template selects it).
 * Then a repeated ask (Argo measures again at every interval, and after an error) joins the same
 * analysis. Requests carrying their own logs, or naming the canary otherwise, are analysed as sent.
 */
final class PluginMeasurement {

    private static final String HASH_LABEL = "rollouts-pod-template-hash=";

    private PluginMeasurement() {}

    static Optional<Measurement> of(AnalysisTarget target) {
        if (target.stableLogs() != null
                || target.canaryLogs() != null
                || target.rollout() == null
                || target.rollout().isBlank()) {
            return Optional.empty();
        }
        String hash = hash(target.canarySelector());
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(
                target.namespace(),
                TargetKind.ARGO_ROLLOUT,
                target.rollout(),
                hash,
                "",
                "",
                target.hints() == null ? "" : target.hints(),
                target.repository()));
    }

    /** The hash of a selector that is exactly {@code rollouts-pod-template-hash=X}, else empty. */
    private static String hash(String selector) {
        if (selector == null || !selector.strip().startsWith(HASH_LABEL)) {
            return "";
        }
        String value = selector.strip().substring(HASH_LABEL.length());
        return value.isEmpty() || value.contains(",") || value.contains("=") ? "" : value;
    }
}
