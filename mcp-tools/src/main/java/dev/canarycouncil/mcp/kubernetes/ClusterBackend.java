package dev.canarycouncil.mcp.kubernetes;

import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import dev.canarycouncil.runtime.tools.RolloutPods;
import java.util.List;

/**
 * Read-only access to the cluster the canary runs in. Implementations throw
 * {@link dev.canarycouncil.mcp.tool.ToolException} with a kind the agents can act on.
 */
public interface ClusterBackend {

    List<PodInfo> listPods(String namespace, String selector);

    PodInfo pod(String namespace, String name);

    List<ContainerLog> logs(LogQuery query);

    /** Events in the namespace, or only those about {@code involvedName} when it is not null. */
    List<EventInfo> events(String namespace, String involvedName);

    RolloutInfo rollout(String namespace, String name);

    /**
     * Resolves what the rollouts plugin calls {@code podName} — a canary pod name or a
     * pod-template hash — to the canary and stable pods of the same rollout.
     *
     * @param rollout the rollout name when known, else null
     */
    RolloutPods resolve(String namespace, String podNameOrHash, String rollout);

    /**
     * Resolves a Flagger Canary to both sides: the canary is its target Deployment's pods
     * ({@code <target>}), the stable its primary's ({@code <target>-primary}), each side's
     * {@code podTemplateHash} the {@code pod-template-hash} of its Deployment's newest ReplicaSet.
     */
    RolloutPods resolveFlaggerCanary(String namespace, String canary);
}
