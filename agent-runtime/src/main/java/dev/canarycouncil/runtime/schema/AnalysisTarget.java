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

    /** An Argo Rollout's canary, as every caller before Flagger named it. */
    public AnalysisTarget(String namespace, String podName, String canarySelector, String rollout, String stableLogs,
                          String canaryLogs, String hints) {
        this(namespace, podName, canarySelector, rollout, stableLogs, canaryLogs, hints, TargetKind.ARGO_ROLLOUT, SourceRepository.NONE);
    }

    public static AnalysisTarget of(String namespace, String podName) {
        return new AnalysisTarget(namespace, podName, null, null, null, null, null);
    }

    public AnalysisTarget withRepository(SourceRepository named) {
        return new AnalysisTarget(namespace, podName, canarySelector, rollout, stableLogs, canaryLogs, hints, kind, named);
    }

    /** A Flagger Canary by its name. */
    public static AnalysisTarget flaggerCanary(String namespace, String canary, String hints) {
        return new AnalysisTarget(namespace, null, null, canary, null, null, hints, TargetKind.FLAGGER_CANARY, SourceRepository.NONE);
    }
}
