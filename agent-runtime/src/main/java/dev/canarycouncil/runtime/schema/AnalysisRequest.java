package dev.canarycouncil.runtime.schema;

import java.util.Objects;

/**
 * The rollout context every specialist receives: which canary to judge against which stable,
 * over which time window.
 *
 * @param analysisId  id shared by every message of this analysis
 * @param namespace   Kubernetes namespace of the rollout
 * @param rollout     Argo Rollout name
 * @param service     service name used in metric labels and issue titles
 * @param canary      the canary pods
 * @param stable      the stable pods
 * @param window      the analysis window
 * @param inlineLogs  logs sent in the request, used instead of fetching when present; may be null
 * @param hints       operator hints, e.g. the plugin's {@code extraPrompt}; may be null
 * @param tokenBudget  model tokens this agent may spend on the analysis; null for the agent's own limit
 * @param repository   the code repository the caller named, used by the issue writer only when allowed
 * @param kind         whose object {@code rollout} names: an Argo Rollout or a Flagger Canary
 */
public record AnalysisRequest(
        String analysisId,
        String namespace,
        String rollout,
        String service,
        PodGroup canary,
        PodGroup stable,
        TimeWindow window,
        InlineLogs inlineLogs,
        String hints,
        Long tokenBudget,
        SourceRepository repository,
        TargetKind kind) {

    public AnalysisRequest {
        Objects.requireNonNull(analysisId, "analysisId");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(window, "window");
        repository = repository == null ? SourceRepository.NONE : repository;
        kind = kind == null ? TargetKind.ARGO_ROLLOUT : kind;
    }

    public boolean hasInlineLogs() {
        return inlineLogs != null && inlineLogs.present();
    }

    public AnalysisRequest withTokenBudget(Long budget) {
        return new AnalysisRequest(
                analysisId,
                namespace,
                rollout,
                service,
                canary,
                stable,
                window,
                inlineLogs,
                hints,
                budget,
                repository,
                kind);
    }

    /** The parts every request has; the rest is named on the builder. */
    public static Builder builder(
            String analysisId, String namespace, PodGroup canary, PodGroup stable, TimeWindow window) {
        return new Builder(analysisId, namespace, canary, stable, window);
    }

    /** Names a request part by part; what is not named is absent. */
    public static final class Builder {
        private final String analysisId;
        private final String namespace;
        private final PodGroup canary;
        private final PodGroup stable;
        private final TimeWindow window;
        private String rollout;
        private String service;
        private InlineLogs inlineLogs;
        private String hints;
        private Long tokenBudget;
        private SourceRepository repository = SourceRepository.NONE;
        private TargetKind kind = TargetKind.ARGO_ROLLOUT;

        private Builder(String analysisId, String namespace, PodGroup canary, PodGroup stable, TimeWindow window) {
            this.analysisId = analysisId;
            this.namespace = namespace;
            this.canary = canary;
            this.stable = stable;
            this.window = window;
        }

        public Builder rollout(String name) {
            this.rollout = name;
            return this;
        }

        public Builder service(String name) {
            this.service = name;
            return this;
        }

        public Builder inlineLogs(InlineLogs logs) {
            this.inlineLogs = logs;
            return this;
        }

        public Builder hints(String text) {
            this.hints = text;
            return this;
        }

        public Builder tokenBudget(Long budget) {
            this.tokenBudget = budget;
            return this;
        }

        public Builder repository(SourceRepository named) {
            this.repository = named;
            return this;
        }

        public Builder kind(TargetKind targetKind) {
            this.kind = targetKind;
            return this;
        }

        public AnalysisRequest build() {
            return new AnalysisRequest(
                    analysisId,
                    namespace,
                    rollout,
                    service,
                    canary,
                    stable,
                    window,
                    inlineLogs,
                    hints,
                    tokenBudget,
                    repository,
                    kind);
        }
    }
}
