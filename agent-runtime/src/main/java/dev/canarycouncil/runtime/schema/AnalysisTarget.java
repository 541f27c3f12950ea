package dev.canarycouncil.runtime.schema;

/**
 * What a caller asks the coordinator to judge, in the rollouts plugin's terms: a namespace and a
 * canary pod name or pod-template hash, optionally with the logs already collected.
 *
 * @param namespace       Kubernetes namespace
 * @param podName         a canary pod name or its {@code rollouts-pod-template-hash}
 * @param canarySelector  alternative to {@code podName}: a label selector for the canary pods
 * @param rollout         the rollout name when known
 * @param stableLogs      stable logs collected by the caller, used instead of fetching
 * @param canaryLogs      canary logs collected by the caller, used instead of fetching
 * @param hints           operator hints such as "ignore colour changes"; never read as instructions
 * @param kind            whose objects name the canary; an Argo Rollout when not given (older callers)
 * @param repository      the code repository the caller names (the plugin's repoUrl), used only when allowed
 */
public record AnalysisTarget(
        String namespace,
        String podName,
        String canarySelector,
        String rollout,
        String stableLogs,
        String canaryLogs,
        String hints,
        TargetKind kind,
        SourceRepository repository) {

    public AnalysisTarget {
        kind = kind == null ? TargetKind.ARGO_ROLLOUT : kind;
        repository = repository == null ? SourceRepository.NONE : repository;
    }

    /** An Argo Rollout's canary by a pod name or pod-template hash. */
    public static AnalysisTarget of(String namespace, String podName) {
        return builder(namespace).podName(podName).build();
    }

    /** A Flagger Canary by its name. */
    public static AnalysisTarget flaggerCanary(String namespace, String canary, String hints) {
        return builder(namespace)
                .rollout(canary)
                .hints(hints)
                .kind(TargetKind.FLAGGER_CANARY)
                .build();
    }

    public static Builder builder(String namespace) {
        return new Builder(namespace);
    }

    public AnalysisTarget withRepository(SourceRepository named) {
        return new AnalysisTarget(
                namespace, podName, canarySelector, rollout, stableLogs, canaryLogs, hints, kind, named);
    }

    public AnalysisTarget withHints(String text) {
        return new AnalysisTarget(
                namespace, podName, canarySelector, rollout, stableLogs, canaryLogs, text, kind, repository);
    }

    /** Names a target part by part; what is not named is absent. */
    public static final class Builder {
        private final String namespace;
        private String podName;
        private String canarySelector;
        private String rollout;
        private String stableLogs;
        private String canaryLogs;
        private String hints;
        private TargetKind kind = TargetKind.ARGO_ROLLOUT;
        private SourceRepository repository = SourceRepository.NONE;

        private Builder(String namespace) {
            this.namespace = namespace;
        }

        public Builder podName(String nameOrHash) {
            this.podName = nameOrHash;
            return this;
        }

        public Builder canarySelector(String selector) {
            this.canarySelector = selector;
            return this;
        }

        public Builder rollout(String name) {
            this.rollout = name;
            return this;
        }

        /** Logs the caller collected itself, used instead of fetching. */
        public Builder inlineLogs(String stable, String canary) {
            this.stableLogs = stable;
            this.canaryLogs = canary;
            return this;
        }

        public Builder hints(String text) {
            this.hints = text;
            return this;
        }

        public Builder kind(TargetKind targetKind) {
            this.kind = targetKind;
            return this;
        }

        public Builder repository(SourceRepository named) {
            this.repository = named;
            return this;
        }

        public AnalysisTarget build() {
            return new AnalysisTarget(
                    namespace, podName, canarySelector, rollout, stableLogs, canaryLogs, hints, kind, repository);
        }
    }
}
