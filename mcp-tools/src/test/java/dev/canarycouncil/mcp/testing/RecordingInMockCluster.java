package dev.canarycouncil.mcp.testing;

import dev.canarycouncil.mcp.code.LocalRepositoryCodeBackend;
import dev.canarycouncil.mcp.kubernetes.LabelSelector;
import dev.canarycouncil.mcp.kubernetes.LogQuery;
import dev.canarycouncil.mcp.kubernetes.live.ClusterConnection;
import dev.canarycouncil.mcp.kubernetes.live.KubernetesClientFactory;
import dev.canarycouncil.mcp.kubernetes.live.KubernetesClusterBackend;
import dev.canarycouncil.mcp.kubernetes.live.WindowPolicy;
import dev.canarycouncil.mcp.recorded.RecordedClusterBackend;
import dev.canarycouncil.mcp.recorded.RecordedMetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;

/**
 * A recorded rollout loaded into fabric8's Kubernetes mock server, so the live
 * {@link KubernetesClusterBackend} answers over it as {@link RecordedClusterBackend} answers over
 * the recording: the Rollout (status with stableRS, currentPodHash, phase, weights), a ReplicaSet
 * per side owned by it and created at the recording's window start, the pods owned by their
 * ReplicaSet with container statuses, the events, and every container's current and previous log.
 *
 * <p>For another module's JUnit 5 test (which needs {@code io.fabric8:kubernetes-server-mock} on
 * its test classpath too):
 * <pre>{@code
 * try (var cluster = RecordingInMockCluster.start(Recordings.named("go-panic-index-out-of-range"))) {
 *     McpToolServer server = new McpToolServer(cluster.toolBackends(), Duration.ofSeconds(30));
 *     ...
 * }
 * }</pre>
 * The server speaks plain HTTP on localhost; {@link #connection()} points a backend at it with a
 * dummy token and the recording's namespace as the allow-list. {@link #server()} takes further
 * expectations (a 403, a delay), which win over the recording.
 */
public final class RecordingInMockCluster implements AutoCloseable {

    /** A bearer token that is no secret, for connections to the mock. */
    public static final String TOKEN = "mock-cluster-token";

    private static final ResourceDefinitionContext ROLLOUTS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io")
            .withVersion("v1alpha1")
            .withKind("Rollout")
            .withPlural("rollouts")
            .withNamespaced(true)
            .build();

    private final RecordedRollout recording;
    private final KubernetesMockServer server;
    private final MockClusterDispatcher dispatcher;
    private final MockPodLogs logs;
    private final NamespacedKubernetesClient admin;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Map<String, ReplicaSet> replicaSets = new HashMap<>();

    private RecordingInMockCluster(RecordedRollout recording) {
        this.recording = recording;
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        this.logs = new MockPodLogs();
        this.dispatcher = new MockClusterDispatcher(expectations, logs);
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations, dispatcher, false);
        server.init();
        this.admin = server.createClient();
    }

    public static RecordingInMockCluster start(Path recordingDir) {
        return start(RecordedRollout.load(recordingDir));
    }

    public static RecordingInMockCluster start(RecordedRollout recording) {
        RecordingInMockCluster cluster = new RecordingInMockCluster(recording);
        try {
            cluster.load();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void load() {
        RolloutManifest m = recording.manifest();
        String ns = m.namespace();
        admin.namespaces().resource(RecordingObjects.namespace(ns)).create();
        GenericKubernetesResource rollout = admin.genericKubernetesResources(ROLLOUTS)
                .inNamespace(ns)
                .resource(RecordingObjects.rollout(m, serviceFromLabels(m)))
                .create();
        for (RolloutManifest.Side side : List.of(m.stable(), m.canary())) {
            ReplicaSet rs = admin.apps()
                    .replicaSets()
                    .inNamespace(ns)
                    .resource(RecordingObjects.replicaSet(
                            m, side.podTemplateHash(), rollout.getMetadata().getUid()))
                    .create();
            replicaSets.put(side.podTemplateHash(), rs);
        }
        // The canary's ReplicaSet was created when the rollout started the canary: the window start.
        dispatcher.creationTimestamp(
                replicaSets.get(m.canary().podTemplateHash()).getMetadata().getUid(),
                m.window().start().toString());
        recording.pods().stream()
                .filter(p -> m.stable().equals(side(p)))
                .map(PodInfo::startTime)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .ifPresent(t -> dispatcher.creationTimestamp(
                        replicaSets
                                .get(m.stable().podTemplateHash())
                                .getMetadata()
                                .getUid(),
                        t.toString()));

        RecordedClusterBackend recorded = new RecordedClusterBackend(recording);
        for (PodInfo p : recording.pods()) {
            RolloutManifest.Side side = side(p);
            addPod(p, side == null ? null : side.podTemplateHash());
            for (ContainerInfo c : p.containers()) {
                logs.put(ns, p.name(), c.name(), false, recordedLog(recorded, ns, p.name(), c.name(), false));
                String previous = recordedLog(recorded, ns, p.name(), c.name(), true);
                if (previous != null) {
                    logs.put(ns, p.name(), c.name(), true, previous);
                }
            }
        }
        int index = 0;
        for (EventInfo e : recording.events()) {
            admin.v1()
                    .events()
                    .inNamespace(ns)
                    .resource(RecordingObjects.event(ns, e, index++))
                    .create();
        }
    }

    /**
     * Creates a pod in the recording's namespace, owned by the ReplicaSet of {@code hash} when it
     * is the stable or canary hash, with an empty current log per container; add logs with
     * {@link #putLog}.
     */
    public Pod addPod(PodInfo pod, String hash) {
        String ns = recording.manifest().namespace();
        Pod created = admin.pods()
                .inNamespace(ns)
                .resource(RecordingObjects.pod(pod, ns, hash == null ? null : replicaSets.get(hash)))
                .create();
        if (pod.startTime() != null) {
            dispatcher.creationTimestamp(
                    created.getMetadata().getUid(), pod.startTime().toString());
        }
        logs.declarePod(
                ns,
                pod.name(),
                pod.containers().stream().map(ContainerInfo::name).toList());
        return created;
    }

    /** Sets a container's current or previous log in the recording's namespace. */
    public void putLog(String pod, String container, boolean previous, String text) {
        logs.put(recording.manifest().namespace(), pod, container, previous, text);
    }

    public RecordedRollout recording() {
        return recording;
    }

    /** The mock, for expectations that win over the recording (RBAC refusals, delays). */
    public KubernetesMockServer server() {
        return server;
    }

    /** A client with full access to the mock, to add or change objects. */
    public NamespacedKubernetesClient adminClient() {
        return admin;
    }

    /** The API server URL, e.g. {@code http://localhost:41234/}. */
    public String apiUrl() {
        return server.url("/");
    }

    /** The mock's URL with {@link #TOKEN}, the recording's namespace allowed, the default timeout. */
    public ClusterConnection connection() {
        return ClusterConnection.apiServer(
                URI.create(apiUrl()), TOKEN, Set.of(recording.manifest().namespace()));
    }

    /** Windows end at the recording's window end, the recording's "now", capped at an hour. */
    public WindowPolicy windowPolicy() {
        return new WindowPolicy(
                Clock.fixed(recording.manifest().window().end(), ZoneOffset.UTC), WindowPolicy.DEFAULT_MAX_LENGTH);
    }

    /** A live backend over this mock; closed with the fixture. */
    public KubernetesClusterBackend backend() {
        return backend(connection());
    }

    public KubernetesClusterBackend backend(ClusterConnection connection) {
        KubernetesClusterBackend backend =
                KubernetesClusterBackend.connect(connection, new KubernetesClientFactory(), windowPolicy());
        opened.add(backend);
        return backend;
    }

    /**
     * The MCP tools' backends with the cluster answered live by this mock, and metrics and code
     * from the recording.
     */
    public ToolBackends toolBackends() {
        return ToolBackends.live(
                backend(),
                new RecordedMetricsBackend(recording),
                recording.repository() == null ? null : new LocalRepositoryCodeBackend(recording.repository()),
                "mock Kubernetes API at " + apiUrl() + " holding recording " + recording.name());
    }

    private RolloutManifest.Side side(PodInfo p) {
        RolloutManifest m = recording.manifest();
        for (RolloutManifest.Side side : List.of(m.canary(), m.stable())) {
            if (LabelSelector.parse(side.selector()).matches(p.labels())) {
                return side;
            }
        }
        return null;
    }

    /** What the live backend derives from pod labels, so the rollout is annotated only when the recording says otherwise. */
    private String serviceFromLabels(RolloutManifest m) {
        return recording.pods().stream()
                .filter(p -> m.canary().equals(side(p)))
                .findFirst()
                .map(p -> p.labels()
                        .getOrDefault("app.kubernetes.io/name", p.labels().get("app")))
                .orElse(m.rollout());
    }

    /** The whole recorded log of one container, or null when the recording has no previous one. */
    private static String recordedLog(
            RecordedClusterBackend recorded, String namespace, String pod, String container, boolean previous) {
        try {
            List<ContainerLog> out =
                    recorded.logs(new LogQuery(namespace, pod, container, null, null, previous, Long.MAX_VALUE));
            return out.isEmpty() ? null : out.get(0).text();
        } catch (ToolException e) {
            if (previous && e.kind() == ToolException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // closing the next one matters more than this failure
            }
        }
        admin.close();
        server.destroy();
    }
}
