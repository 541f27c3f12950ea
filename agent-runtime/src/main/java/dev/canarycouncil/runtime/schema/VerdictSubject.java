package dev.canarycouncil.runtime.schema;

/** Which canary a verdict is about. */
public record VerdictSubject(
        String namespace, String rollout, String service, String canaryHash, String stableHash, TimeWindow window) {

    public static VerdictSubject of(AnalysisRequest request) {
        return new VerdictSubject(
                request.namespace(),
                request.rollout(),
                request.service(),
                request.canary().podTemplateHash(),
                request.stable().podTemplateHash(),
                request.window());
    }
}
