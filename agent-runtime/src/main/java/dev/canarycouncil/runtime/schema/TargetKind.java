package dev.canarycouncil.runtime.schema;

/** Which controller's objects name the canary, so the coordinator knows how to find both sides. */
public enum TargetKind {
    /** An Argo Rollout: the canary and stable are ReplicaSets told apart by {@code rollouts-pod-template-hash}. */
    ARGO_ROLLOUT,
    /** A Flagger Canary: the canary is its target Deployment, the stable that Deployment's {@code -primary} copy. */
    FLAGGER_CANARY
}
