package dev.canarycouncil.mcp.kubernetes;

import dev.canarycouncil.mcp.tool.ToolSpecs;
import dev.canarycouncil.mcp.tool.ToolSpecs.Param;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Map;

/** The Kubernetes tools, all read-only, over whichever {@link ClusterBackend} is configured. */
public final class KubernetesTools {

    /** Default cap on log bytes per container, so one chatty pod cannot flood an agent. */
    public static final long DEFAULT_LOG_LIMIT_BYTES = 4L * 1024 * 1024;

    public static final long MAX_LOG_LIMIT_BYTES = 64L * 1024 * 1024;

    private final ClusterBackend cluster;

    public KubernetesTools(ClusterBackend cluster) {
        this.cluster = cluster;
    }

    public List<SyncToolSpecification> specifications() {
        return List.of(listPods(), resolvePods(), resolveFlagger(), podLogs(), podStatus(), events(), rolloutStatus());
    }

    private SyncToolSpecification listPods() {
        return ToolSpecs.readOnly(
                "list_pods",
                "List pods in a namespace, optionally filtered by a label selector (e.g. app=checkout,rollouts-pod-template-hash=7c9d6f5b4).",
                List.of(
                        Param.required("namespace", "string", "Kubernetes namespace"),
                        Param.optional("selector", "string", "label selector")),
                args -> Map.of(
                        "pods", cluster.listPods(args.requiredString("namespace"), args.optionalString("selector"))));
    }

    private SyncToolSpecification resolvePods() {
        return ToolSpecs.readOnly(
                "resolve_rollout_pods",
                "Resolve a canary pod name or pod-template hash to its Argo Rollout, the canary and stable pods, and the window to analyse.",
                List.of(
                        Param.required("namespace", "string", "Kubernetes namespace"),
                        Param.required("podName", "string", "a canary pod name or a rollouts-pod-template-hash"),
                        Param.optional("rollout", "string", "the rollout name, when known")),
                args -> cluster.resolve(
                        args.requiredString("namespace"),
                        args.requiredString("podName"),
                        args.optionalString("rollout")));
    }

    private SyncToolSpecification resolveFlagger() {
        return ToolSpecs.readOnly(
                "resolve_flagger_canary",
                "Resolve a Flagger Canary to its canary Deployment's pods, its primary (stable) Deployment's pods, and the window to analyse.",
                List.of(
                        Param.required("namespace", "string", "Kubernetes namespace"),
                        Param.required("canary", "string", "the Canary's name (flagger.app/v1beta1)")),
                args -> cluster.resolveFlaggerCanary(args.requiredString("namespace"), args.requiredString("canary")));
    }

    private SyncToolSpecification podLogs() {
        return ToolSpecs.readOnly(
                "get_pod_logs",
                "Read a pod's logs: one container or all, the last N lines, since a time, or the previous container after a restart. Large logs are cut to limitBytes per container, keeping the newest lines.",
                List.of(
                        Param.required("namespace", "string", "Kubernetes namespace"),
                        Param.required("pod", "string", "pod name"),
                        Param.optional("container", "string", "container name; all containers when omitted"),
                        Param.optional("tailLines", "integer", "only the last N lines"),
                        Param.optional("since", "string", "only lines at or after this RFC 3339 time or Unix seconds"),
                        Param.optional("previous", "boolean", "logs of the previous, terminated container"),
                        Param.optional("limitBytes", "integer", "byte cap per container (default 4 MiB)")),
                args -> {
                    Integer limit = args.optionalInt("limitBytes", 1, (int) MAX_LOG_LIMIT_BYTES);
                    LogQuery query = new LogQuery(
                            args.requiredString("namespace"),
                            args.requiredString("pod"),
                            args.optionalString("container"),
                            args.optionalInt("tailLines", 1, 1_000_000),
                            args.optionalInstant("since"),
                            args.flag("previous"),
                            limit == null ? DEFAULT_LOG_LIMIT_BYTES : limit);
                    return Map.of("logs", cluster.logs(query));
                });
    }

    private SyncToolSpecification podStatus() {
        return ToolSpecs.readOnly(
                "get_pod_status",
                "A pod's phase, readiness, restarts and container states (waiting/terminated reasons such as CrashLoopBackOff, OOMKilled, exit codes).",
                List.of(
                        Param.required("namespace", "string", "Kubernetes namespace"),
                        Param.required("pod", "string", "pod name")),
                args -> cluster.pod(args.requiredString("namespace"), args.requiredString("pod")));
    }

    private SyncToolSpecification events() {
        return ToolSpecs.readOnly(
                "list_events",
                "Kubernetes events in a namespace, optionally only those about one object (a pod, ReplicaSet or Rollout).",
                List.of(
                        Param.required("namespace", "string", "Kubernetes namespace"),
                        Param.optional("involvedObject", "string", "name of the object the events are about")),
                args -> Map.of(
                        "events",
                        cluster.events(args.requiredString("namespace"), args.optionalString("involvedObject"))));
    }

    private SyncToolSpecification rolloutStatus() {
        return ToolSpecs.readOnly(
                "get_rollout_status",
                "Status of an Argo Rollout: phase, current step, canary weight, stable and canary pod-template hashes.",
                List.of(
                        Param.required("namespace", "string", "Kubernetes namespace"),
                        Param.required("rollout", "string", "rollout name")),
                args -> cluster.rollout(args.requiredString("namespace"), args.requiredString("rollout")));
    }
}
