package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.kubernetes.ClusterBackend;
import dev.canarycouncil.mcp.kubernetes.LabelSelector;
import dev.canarycouncil.mcp.kubernetes.LogQuery;
import dev.canarycouncil.mcp.kubernetes.RolloutInfo;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import dev.canarycouncil.runtime.tools.RolloutPods;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Comparator;
import java.util.List;

/**
 * The Kubernetes tools over a live cluster, answering like
 * {@link dev.canarycouncil.mcp.recorded.RecordedClusterBackend} does over a recording. Read-only
 * ({@link ClusterReads} lists the verbs), limited to the connection's namespaces.
 */
public final class KubernetesClusterBackend implements ClusterBackend, AutoCloseable {

    /**
     * Rollout annotation naming the service as metrics label it, for when neither the pods'
     * {@code app.kubernetes.io/name} nor {@code app} label does.
     */
    public static final String SERVICE_ANNOTATION = "canarycouncil.dev/service";

    private static final Comparator<PodInfo> BY_NAME = Comparator.comparing(PodInfo::name);

    private final KubernetesClient client;
    private final NamespaceAllowList allowList;
    private final ClusterReads reads;
    private final PodLogReader logs;
    private final RolloutResolver resolver;
    private final FlaggerCanaryResolver flagger;

    private KubernetesClusterBackend(
            KubernetesClient client, ClusterConnection connection, WindowPolicy windows, List<String> secrets) {
        this.client = client;
        this.allowList = new NamespaceAllowList(connection.allowedNamespaces());
        KubernetesErrors errors = new KubernetesErrors(
                client.getMasterUrl().toString(), connection.source().identity(), connection.callTimeout(), secrets);
        this.reads = new ClusterReads(client, errors);
        this.logs = new PodLogReader(reads);
        this.resolver = new RolloutResolver(reads, windows);
        this.flagger = new FlaggerCanaryResolver(reads, windows);
    }

    /** Connects with the system clock and the default window cap. */
    public static KubernetesClusterBackend connect(ClusterConnection connection) {
        return connect(connection, new KubernetesClientFactory(), WindowPolicy.systemDefault());
    }

    /**
     * @throws ClusterConnectionException when the connection's credentials cannot be loaded
     */
    public static KubernetesClusterBackend connect(
            ClusterConnection connection, KubernetesClientFactory factory, WindowPolicy windows) {
        Config config = factory.config(connection);
        KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build();
        return new KubernetesClusterBackend(
                client,
                connection,
                windows,
                List.of(nullToEmpty(config.getOauthToken()), nullToEmpty(config.getPassword())));
    }

    @Override
    public List<PodInfo> listPods(String namespace, String selector) {
        allowList.check(namespace);
        // Parsed first: a malformed selector is the caller's INVALID_ARGUMENT, as with a recording,
        // and set-based terms some API servers ignore are applied here as well.
        LabelSelector filter = LabelSelector.parse(selector);
        List<Pod> pods = reads.pods(namespace, selector);
        if (pods.isEmpty()) {
            reads.requireNamespace(namespace);
        }
        return pods.stream()
                .map(PodInfoMapper::map)
                .filter(p -> filter.matches(p.labels()))
                .sorted(BY_NAME)
                .toList();
    }

    @Override
    public PodInfo pod(String namespace, String name) {
        return PodInfoMapper.map(requirePod(namespace, name));
    }

    @Override
    public List<ContainerLog> logs(LogQuery query) {
        return logs.read(query, requirePod(query.namespace(), query.pod()));
    }

    @Override
    public List<EventInfo> events(String namespace, String involvedName) {
        allowList.check(namespace);
        List<Event> events = reads.events(namespace, involvedName);
        if (events.isEmpty()) {
            reads.requireNamespace(namespace);
        }
        return events.stream()
                .filter(e -> involvedName == null
                        || (e.getInvolvedObject() != null
                                && involvedName.equals(e.getInvolvedObject().getName())))
                .map(EventInfoMapper::map)
                .sorted(EventInfoMapper.CHRONOLOGICAL)
                .toList();
    }

    @Override
    public RolloutInfo rollout(String namespace, String name) {
        allowList.check(namespace);
        GenericKubernetesResource rollout = reads.rollout(namespace, name);
        if (rollout == null) {
            throw reads.notFound(namespace, "rollout " + name + " not found in namespace " + namespace);
        }
        return new RolloutView(rollout).info();
    }

    @Override
    public RolloutPods resolve(String namespace, String podNameOrHash, String rollout) {
        allowList.check(namespace);
        return resolver.resolve(namespace, podNameOrHash, rollout);
    }

    @Override
    public RolloutPods resolveFlaggerCanary(String namespace, String canary) {
        allowList.check(namespace);
        return flagger.resolve(namespace, canary);
    }

    private Pod requirePod(String namespace, String name) {
        allowList.check(namespace);
        Pod pod = reads.pod(namespace, name);
        if (pod == null) {
            throw reads.notFound(namespace, "pod " + name + " not found in namespace " + namespace);
        }
        return pod;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        client.close();
    }
}
