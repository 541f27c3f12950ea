package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.canarycouncil.mcp.kubernetes.LogQuery;
import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.testing.Recordings;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each way a live cluster call fails becomes a ToolException of the right kind, naming what to fix. */
class LiveErrorsTest {

    private static final String TOKEN = "s3cr3t-bearer-token-value";
    private static final String CANARY_POD = "checkout-7c9d6f5b4-g8mzr";

    private static RecordingInMockCluster cluster;
    private final List<ToolException> seen = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = RecordingInMockCluster.start(Recordings.named("go-panic-index-out-of-range"));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void noMessageHoldsTheToken() {
        for (ToolException e : seen) {
            assertFalse(e.clientText().contains(TOKEN), e.clientText());
            assertFalse(e.getMessage().contains("at io.") || e.getMessage().contains("Exception:"), e.getMessage());
        }
    }

    private KubernetesClusterBackend backend(String url, Set<String> namespaces, Duration timeout) {
        ClusterConnection connection = new ClusterConnection(
                new ClusterConnection.ApiServer(URI.create(url), new ClusterConnection.BearerToken(TOKEN), null),
                namespaces,
                timeout);
        return cluster.backend(connection);
    }

    private KubernetesClusterBackend backend() {
        return backend(cluster.apiUrl(), Set.of("shop", "gone", "locked"), Duration.ofSeconds(1));
    }

    private ToolException failure(Kind kind, Supplier<?> call) {
        ToolException e = assertThrows(ToolException.class, call::get);
        seen.add(e);
        assertEquals(kind, e.kind(), e::getMessage);
        return e;
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder()
                .withCode(code)
                .withReason(reason)
                .withMessage(message)
                .withStatus("Failure")
                .build();
    }

    @Test
    void rbacRefusalIsForbiddenAndQuotesWhatWasRefused() {
        String refusal = "pods is forbidden: User \"system:serviceaccount:council:tools\" cannot list resource \"pods\""
                + " in API group \"\" in the namespace \"locked\"";
        cluster.server()
                .expect()
                .get()
                .withPath("/api/v1/namespaces/locked/pods")
                .andReturn(403, status(403, "Forbidden", refusal))
                .always();
        ToolException e = failure(Kind.FORBIDDEN, () -> backend().listPods("locked", null));
        assertEquals(
                "the bearer token's user may not list pods in namespace locked (RBAC): " + refusal, e.getMessage());
    }

    @Test
    void rbacRefusalOfLogsNamesTheContainerAndPod() {
        cluster.server()
                .expect()
                .get()
                .withPath("/api/v1/namespaces/shop/pods/" + CANARY_POD + "/log?container=app&limitBytes=65536")
                .andReturn(
                        403,
                        status(
                                403,
                                "Forbidden",
                                "pods \"" + CANARY_POD + "\" is forbidden: cannot get resource \"pods/log\""))
                .once();
        ToolException e = failure(
                Kind.FORBIDDEN, () -> backend().logs(new LogQuery("shop", CANARY_POD, "app", null, null, false, 1000)));
        assertTrue(
                e.getMessage()
                        .startsWith("the bearer token's user may not read the logs of container app of pod "
                                + CANARY_POD + " in namespace shop (RBAC): "),
                e.getMessage());
        assertTrue(e.getMessage().contains("pods/log"), e.getMessage());
    }

    @Test
    void rejectedCredentialsAreForbiddenWithTheReason() {
        cluster.server()
                .expect()
                .get()
                .withPath("/apis/argoproj.io/v1alpha1/namespaces/locked/rollouts/checkout")
                .andReturn(401, status(401, "Unauthorized", "Unauthorized"))
                .always();
        ToolException e = failure(Kind.FORBIDDEN, () -> backend().rollout("locked", "checkout"));
        assertTrue(
                e.getMessage().contains("rejected the credentials")
                        && e.getMessage().contains("expired"),
                e.getMessage());
    }

    @Test
    void missingNamespaceIsNotFound() {
        KubernetesClusterBackend backend = backend();
        for (Supplier<?> call : List.<Supplier<?>>of(
                () -> backend.listPods("gone", null),
                () -> backend.pod("gone", CANARY_POD),
                () -> backend.events("gone", null),
                () -> backend.rollout("gone", "checkout"),
                () -> backend.resolve("gone", "7c9d6f5b4", null),
                () -> backend.logs(new LogQuery("gone", CANARY_POD, null, null, null, false, 1000)))) {
            ToolException e = failure(Kind.NOT_FOUND, call);
            assertEquals("namespace gone not found in the cluster at " + cluster.apiUrl(), e.getMessage());
        }
    }

    @Test
    void missingObjectsAreNotFoundByName() {
        KubernetesClusterBackend backend = backend();
        assertEquals(
                "pod nope not found in namespace shop",
                failure(Kind.NOT_FOUND, () -> backend.pod("shop", "nope")).getMessage());
        assertEquals(
                "rollout nope not found in namespace shop",
                failure(Kind.NOT_FOUND, () -> backend.rollout("shop", "nope")).getMessage());
        assertEquals(
                "container sidecar not found in pod " + CANARY_POD + " (containers: app)",
                failure(
                                Kind.NOT_FOUND,
                                () -> backend.logs(
                                        new LogQuery("shop", CANARY_POD, "sidecar", null, null, false, 1000)))
                        .getMessage());
    }

    @Test
    void namespaceOutsideTheAllowListIsRefusedWithoutAnyApiCall() {
        KubernetesClusterBackend backend = backend(cluster.apiUrl(), Set.of("shop", "payments"), Duration.ofSeconds(1));
        int before = cluster.server().getRequestCount();
        for (Supplier<?> call : List.<Supplier<?>>of(
                () -> backend.listPods("kube-system", null),
                () -> backend.pod("kube-system", "etcd"),
                () -> backend.events("kube-system", null),
                () -> backend.rollout("kube-system", "checkout"),
                () -> backend.resolve("kube-system", "7c9d6f5b4", null),
                () -> backend.logs(new LogQuery("kube-system", "etcd", null, null, null, false, 1000)))) {
            ToolException e = failure(Kind.NOT_ALLOWED, call);
            assertEquals(
                    "namespace kube-system is not in this server's allow-list (allowed: payments, shop)",
                    e.getMessage());
        }
        assertEquals(before, cluster.server().getRequestCount(), "no request may reach the API server");
    }

    @Test
    void closedPortIsUnreachableNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";
        ToolException e = failure(
                Kind.UNREACHABLE,
                () -> backend(url, Set.of("shop"), Duration.ofSeconds(2)).listPods("shop", null));
        assertTrue(e.getMessage().startsWith("cannot reach the Kubernetes API at " + url), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
    }

    @Test
    void unknownHostIsUnreachable() {
        String url = "http://canary-council-no-such-host.invalid:6443/";
        ToolException e = failure(
                Kind.UNREACHABLE,
                () -> backend(url, Set.of("shop"), Duration.ofSeconds(2)).pod("shop", "x"));
        assertTrue(e.getMessage().contains(url) && e.getMessage().contains("unknown host"), e.getMessage());
    }

    @Test
    void slowAnswerIsATimeoutNamingTheLimit() {
        cluster.server()
                .expect()
                .get()
                .delay(3, TimeUnit.SECONDS)
                .withPath("/api/v1/namespaces/locked/events")
                .andReturn(200, new PodListBuilder().build())
                .once();
        long started = System.nanoTime();
        ToolException e = failure(Kind.TIMEOUT, () -> backend().events("locked", null));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(
                "the Kubernetes API at " + cluster.apiUrl() + " did not answer within 1 s (the per-call limit)"
                        + " when asked to list events in namespace locked",
                e.getMessage());
        assertTrue(tookMillis < 2900, "no retry may stretch the call past its limit, took " + tookMillis + " ms");
    }

    @Test
    void serverThatNeverAnswersIsATimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            String url = "http://127.0.0.1:" + silent.getAddress().getPort() + "/";
            ToolException e = failure(
                    Kind.TIMEOUT,
                    () -> backend(url, Set.of("shop"), Duration.ofMillis(1500)).resolve("shop", "7c9d6f5b4", null));
            assertTrue(e.getMessage().contains("did not answer within 1500 ms"), e.getMessage());
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    void serverErrorsAreUnreachableWithTheServersMessage() {
        cluster.server()
                .expect()
                .get()
                .withPath("/api/v1/namespaces/locked/pods/p")
                .andReturn(503, status(503, "ServiceUnavailable", "etcdserver: request timed out"))
                .always();
        ToolException e = failure(Kind.UNREACHABLE, () -> backend().pod("locked", "p"));
        assertTrue(
                e.getMessage().contains("HTTP 503") && e.getMessage().contains("etcdserver: request timed out"),
                e.getMessage());
    }
}
