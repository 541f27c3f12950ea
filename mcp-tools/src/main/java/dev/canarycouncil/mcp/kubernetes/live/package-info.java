/**
 * The Kubernetes tools over a live cluster through fabric8's client, answering with the same
 * records and errors as the recorded backend.
 *
 * <h2>Connecting</h2>
 * A {@link dev.canarycouncil.mcp.kubernetes.live.ClusterConnection} names one credential source
 * (in-cluster service account, kubeconfig and context, or API URL and bearer token), the
 * namespaces the tools may read, and a per-request timeout (10 s by default) used as fabric8's
 * request and connection timeout, with fabric8's request retries turned off so no call outlives it.
 *
 * <h2>Permissions</h2>
 * Only {@code get} and {@code list}: pods, pods/log, events, replicasets.apps and
 * rollouts.argoproj.io in each allowed namespace; {@code get} on namespaces is optional and only
 * tells "namespace not found" apart from "pod not found". A namespace outside the allow-list is
 * refused (NOT_ALLOWED) before any request.
 *
 * <h2>Resolving a canary</h2>
 * See {@link dev.canarycouncil.mcp.kubernetes.live.RolloutResolver}. The two choices a recording
 * states and a live cluster does not:
 * <ul>
 * <li><b>service</b>: the rollout's {@code canarycouncil.dev/service} annotation, else the canary
 *     pods' {@code app.kubernetes.io/name} or {@code app} label, else the canary's
 *     {@code stableService}, else the rollout's name;</li>
 * <li><b>window</b>: from the canary ReplicaSet's creation (when the rollout started this
 *     revision; the first canary pod's creation if the ReplicaSet is gone) to now, at most one
 *     hour by default ({@link dev.canarycouncil.mcp.kubernetes.live.WindowPolicy}). A recording's
 *     window is the same span frozen at recording time.</li>
 * </ul>
 */
package dev.canarycouncil.mcp.kubernetes.live;
