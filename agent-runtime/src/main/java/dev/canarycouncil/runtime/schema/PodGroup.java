package dev.canarycouncil.runtime.schema;

import java.util.List;

/**
 * The pods of one side of a canary (canary or stable).
 *
 * @param podTemplateHash  the Argo Rollouts {@code rollouts-pod-template-hash} of this side
 * @param selector         a Kubernetes label selector that selects exactly this side's pods
 * @param pods             the pod names found when the analysis started
 */
public record PodGroup(String podTemplateHash, String selector, List<String> pods) {

    public PodGroup {
        pods = pods == null ? List.of() : List.copyOf(pods);
    }
}
