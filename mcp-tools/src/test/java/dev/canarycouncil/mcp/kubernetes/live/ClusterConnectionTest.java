package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.runtime.testing.Recordings;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection settings: validation, secrecy of the token, and the fabric8 client built from them. */
class ClusterConnectionTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.very-secret";

    @TempDir
    Path dir;

    @Test
    void neverPrintsTheToken() {
        ClusterConnection c = ClusterConnection.apiServer(URI.create("https://10.0.0.1:6443"), TOKEN, Set.of("shop"));
        assertFalse(c.toString().contains(TOKEN), c.toString());
        assertFalse(c.describe().contains(TOKEN), c.describe());
        assertTrue(c.toString().contains("[redacted]"), c.toString());
        assertEquals(
                "API server https://10.0.0.1:6443 with a bearer token, namespaces shop, 10000 ms per call",
                c.describe());
    }

    @Test
    void requiresANonEmptyAllowListOfValidNamespacesAndAPositiveTimeout() {
        URI url = URI.create("https://10.0.0.1:6443");
        assertThrows(IllegalArgumentException.class, () -> ClusterConnection.apiServer(url, TOKEN, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> ClusterConnection.apiServer(url, TOKEN, Set.of("Shop_1")));
        assertThrows(IllegalArgumentException.class, () -> ClusterConnection.apiServer(url, " ", Set.of("shop")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClusterConnection.apiServer(URI.create("https://user:pw@10.0.0.1"), TOKEN, Set.of("shop")));
        ClusterConnection c = ClusterConnection.apiServer(url, TOKEN, Set.of("shop"));
        assertEquals(Duration.ofSeconds(10), c.callTimeout());
        assertThrows(IllegalArgumentException.class, () -> c.withCallTimeout(Duration.ZERO));
    }

    @Test
    void setsTimeoutsFromTheCallLimitAndTurnsRetriesOff() {
        ClusterConnection c = ClusterConnection.apiServer(URI.create("https://10.0.0.1:6443"), TOKEN, Set.of("shop"))
                .withCallTimeout(Duration.ofMillis(2500));
        Config config = new KubernetesClientFactory(name -> null).config(c);
        assertEquals("https://10.0.0.1:6443/", config.getMasterUrl());
        assertEquals(2500, config.getRequestTimeout());
        assertEquals(2500, config.getConnectionTimeout());
        assertEquals(0, config.getRequestRetryBackoffLimit());
        assertEquals(TOKEN, config.getOauthToken());
    }

    @Test
    void connectsThroughAKubeconfigContext() throws IOException {
        try (RecordingInMockCluster cluster = RecordingInMockCluster.start(Recordings.named("healthy-color-change"))) {
            Path kubeconfig = dir.resolve("config");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    current-context: production
                    clusters:
                    - name: mock
                      cluster:
                        server: %s
                    contexts:
                    - name: production
                      context:
                        cluster: elsewhere
                        user: ci
                    - name: mock
                      context:
                        cluster: mock
                        user: ci
                    users:
                    - name: ci
                      user:
                        token: kubeconfig-token
                    """.formatted(cluster.apiUrl()));
            KubernetesClusterBackend backend =
                    cluster.backend(ClusterConnection.kubeconfig(kubeconfig, "mock", Set.of("shop")));
            assertEquals(4, backend.listPods("shop", null).size());
            assertEquals(
                    "Bearer kubeconfig-token", cluster.server().getLastRequest().getHeader("Authorization"));

            ClusterConnectionException unknown = assertThrows(
                    ClusterConnectionException.class,
                    () -> new KubernetesClientFactory()
                            .config(ClusterConnection.kubeconfig(kubeconfig, "staging", Set.of("shop"))));
            assertEquals(
                    "kubeconfig " + kubeconfig + " has no context 'staging' (contexts: production, mock)",
                    unknown.getMessage());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesAMissingKubeconfig() {
        ClusterConnectionException e = assertThrows(
                ClusterConnectionException.class,
                () -> new KubernetesClientFactory()
                        .config(ClusterConnection.kubeconfig(dir.resolve("absent"), null, Set.of("shop"))));
        assertEquals("kubeconfig " + dir.resolve("absent") + " is missing or not readable", e.getMessage());
    }

    @Test
    void inClusterUsesTheMountedServiceAccountAndRereadsItsToken() throws IOException {
        Files.writeString(dir.resolve("token"), "first-token\n");
        Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");
        ClusterConnection c = new ClusterConnection(new ClusterConnection.InCluster(dir), Set.of("shop"), null);
        Config config = new KubernetesClientFactory(env::get).config(c);
        assertEquals("https://10.96.0.1:443/", config.getMasterUrl());
        assertEquals(dir.resolve("ca.crt").toString(), config.getCaCertFile());
        assertEquals("first-token", config.getOauthTokenProvider().getToken());
        Files.writeString(dir.resolve("token"), "rotated-token");
        assertEquals("rotated-token", config.getOauthTokenProvider().getToken());

        ClusterConnectionException outside = assertThrows(
                ClusterConnectionException.class, () -> new KubernetesClientFactory(name -> null).config(c));
        assertTrue(
                outside.getMessage().startsWith("in-cluster mode needs KUBERNETES_SERVICE_HOST"), outside.getMessage());
        Files.delete(dir.resolve("token"));
        ClusterConnectionException noToken =
                assertThrows(ClusterConnectionException.class, () -> new KubernetesClientFactory(env::get).config(c));
        assertEquals(
                "service account token " + dir.resolve("token") + " is missing or not readable", noToken.getMessage());
    }
}
