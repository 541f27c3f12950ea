package dev.canarycouncil.mcp.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * An empty fabric8 mock API server in CRUD mode for tests that lay out their own objects, with
 * the creation times they state kept (plain CRUD mode stamps "now" on every create).
 */
public final class MockCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final MockClusterDispatcher dispatcher;
    private final NamespacedKubernetesClient admin;

    public MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        this.dispatcher = new MockClusterDispatcher(expectations, new MockPodLogs());
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations, dispatcher, false);
        server.init();
        this.admin = server.createClient();
    }

    /** Creates the object, reported afterwards with the creation time its metadata states, if any. */
    public <T extends HasMetadata> T create(T object) {
        String stated = object.getMetadata().getCreationTimestamp();
        T created = admin.resource(object).create();
        if (stated != null) {
            dispatcher.creationTimestamp(created.getMetadata().getUid(), stated);
        }
        return created;
    }

    public NamespacedKubernetesClient adminClient() {
        return admin;
    }

    /** The API server URL, e.g. {@code http://localhost:41234/}. */
    public String apiUrl() {
        return server.url("/");
    }

    @Override
    public void close() {
        admin.close();
        server.destroy();
    }
}
