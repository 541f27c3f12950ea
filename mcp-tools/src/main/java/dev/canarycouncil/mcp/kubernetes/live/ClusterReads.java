package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every API request the live backend makes, and only {@code get} and {@code list}: no write
 * verb, no exec, no watch. A missing object is null, every failure a {@link ToolException}.
 *
 * <p>RBAC the server needs in each allowed namespace: get/list on {@code pods}, {@code pods/log},
 * {@code events}, {@code replicasets.apps} and {@code rollouts.argoproj.io}; for Flagger, get on
 * {@code deployments.apps} and {@code canaries.flagger.app}; get on
 * {@code namespaces} is optional and only sharpens "not found" messages.
 */
final class ClusterReads {

    private final KubernetesClient client;
    private final KubernetesErrors errors;

    ClusterReads(KubernetesClient client, KubernetesErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    Pod pod(String namespace, String name) {
        return call(
                "get pod " + name + " in namespace " + namespace,
                () -> client.pods().inNamespace(namespace).withName(name).get());
    }

    List<Pod> pods(String namespace, String selector) {
        return call("list pods in namespace " + namespace, () -> {
            var pods = client.pods().inNamespace(namespace);
            return (selector == null || selector.isBlank()
                            ? pods.list()
                            : pods.withLabelSelector(selector).list())
                    .getItems();
        });
    }

    ReplicaSet replicaSet(String namespace, String name) {
        return call(
                "get replicaset " + name + " in namespace " + namespace,
                () -> client.apps()
                        .replicaSets()
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    List<ReplicaSet> replicaSets(String namespace, String selector) {
        return call(
                "list replicasets in namespace " + namespace,
                () -> client.apps()
                        .replicaSets()
                        .inNamespace(namespace)
                        .withLabelSelector(selector)
                        .list()
                        .getItems());
    }

    Deployment deployment(String namespace, String name) {
        return call(
                "get deployment " + name + " in namespace " + namespace,
                () -> client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    GenericKubernetesResource flaggerCanary(String namespace, String name) {
        return call(
                "get canary " + name + " (canaries.flagger.app) in namespace " + namespace,
                () -> client.genericKubernetesResources(FlaggerCanaryResolver.CANARIES)
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    GenericKubernetesResource rollout(String namespace, String name) {
        return call(
                "get rollout " + name + " (rollouts.argoproj.io) in namespace " + namespace,
                () -> client.genericKubernetesResources(RolloutView.CONTEXT)
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    List<GenericKubernetesResource> rollouts(String namespace) {
        return call(
                "list rollouts (rollouts.argoproj.io) in namespace " + namespace,
                () -> client.genericKubernetesResources(RolloutView.CONTEXT)
                        .inNamespace(namespace)
                        .list()
                        .getItems());
    }

    /** Events, narrowed by the API server when it honours the field selector; callers filter again. */
    List<Event> events(String namespace, String involvedName) {
        return call("list events in namespace " + namespace, () -> {
            var events = client.v1().events().inNamespace(namespace);
            return (involvedName == null
                            ? events.list()
                            : events.withField("involvedObject.name", involvedName)
                                    .list())
                    .getItems();
        });
    }

    /**
     * A raw GET below the API root (e.g. a pod's {@code log} subresource) as text; null on 404.
     * Callers bound the size with the API's own limits ({@code limitBytes}).
     */
    String text(String pathAndQuery, String action) {
        String root = client.getMasterUrl().toString();
        String url = (root.endsWith("/") ? root : root + "/") + pathAndQuery;
        return call(action, () -> client.raw(url));
    }

    /** "Namespace not found" when that is the reason, else {@code message}; both NOT_FOUND. */
    ToolException notFound(String namespace, String message) {
        return namespaceExists(namespace) ? new ToolException(Kind.NOT_FOUND, message) : missingNamespace(namespace);
    }

    /** Listing a missing namespace answers an empty list; this tells the two apart. */
    void requireNamespace(String namespace) {
        if (!namespaceExists(namespace)) {
            throw missingNamespace(namespace);
        }
    }

    private ToolException missingNamespace(String namespace) {
        return new ToolException(
                Kind.NOT_FOUND, "namespace " + namespace + " not found in the cluster at " + errors.apiUrl());
    }

    private boolean namespaceExists(String namespace) {
        try {
            return client.namespaces().withName(namespace).get() != null;
        } catch (KubernetesClientException e) {
            // Reading namespaces is cluster-scoped RBAC a namespaced service account rarely has;
            // without it the namespace is taken to exist and the caller's own message stands.
            return true;
        }
    }

    <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw errors.translate(e, action);
        }
    }
}
