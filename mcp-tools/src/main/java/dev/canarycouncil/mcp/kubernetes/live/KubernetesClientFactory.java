package dev.canarycouncil.mcp.kubernetes.live;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds the fabric8 client for a {@link ClusterConnection}. Only the chosen source is read:
 * fabric8's auto-configuration (which would silently fall back from one source to another, or
 * pick up {@code ~/.kube/config} and {@code KUBERNETES_*} variables) is off.
 */
public final class KubernetesClientFactory {

    private final UnaryOperator<String> environment;

    public KubernetesClientFactory() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables; tests pass their own */
    public KubernetesClientFactory(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public KubernetesClient create(ClusterConnection connection) {
        return new KubernetesClientBuilder().withConfig(config(connection)).build();
    }

    /** The fabric8 configuration; its {@code toString()} holds the token, so it is never logged. */
    public Config config(ClusterConnection connection) {
        int timeoutMillis = (int) connection.callTimeout().toMillis();
        return new ConfigBuilder(base(connection.source()))
                .withRequestTimeout(timeoutMillis)
                .withConnectionTimeout(timeoutMillis)
                // fabric8 retries failed requests 10 times with exponential backoff by default: that
                // alone could take minutes, far beyond the per-call limit the agents plan with.
                .withRequestRetryBackoffLimit(0)
                .withUserAgent("canary-council-mcp-tools")
                .build();
    }

    private Config base(ClusterConnection.Source source) {
        if (source instanceof ClusterConnection.ApiServer api) {
            ConfigBuilder b = new ConfigBuilder(Config.empty())
                    .withMasterUrl(api.url().toString())
                    .withOauthToken(api.token().value());
            if (api.caCertificate() != null) {
                b.withCaCertFile(readable(api.caCertificate(), "CA certificate").toString());
            }
            return b.build();
        }
        if (source instanceof ClusterConnection.Kubeconfig kube) {
            return kubeconfig(kube);
        }
        return inCluster((ClusterConnection.InCluster) source);
    }

    private Config inCluster(ClusterConnection.InCluster source) {
        String host = environment.apply("KUBERNETES_SERVICE_HOST");
        String port = environment.apply("KUBERNETES_SERVICE_PORT");
        if (host == null || host.isBlank() || port == null || port.isBlank()) {
            throw new ClusterConnectionException(
                    "in-cluster mode needs KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, "
                            + "which Kubernetes sets in every pod: is this process running outside a cluster? "
                            + "Use a kubeconfig or an API URL with a token instead");
        }
        Path token = readable(source.serviceAccountDir().resolve("token"), "service account token");
        Path ca = readable(source.serviceAccountDir().resolve("ca.crt"), "service account CA certificate");
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://" + hostPart + ":" + port)
                .withCaCertFile(ca.toString())
                // The kubelet rotates projected service account tokens; reading the file on every
                // request keeps a long-running server authenticated.
                .withOauthTokenProvider(() -> readToken(token))
                .build();
    }

    private static Config kubeconfig(ClusterConnection.Kubeconfig source) {
        Path file = readable(source.file(), "kubeconfig");
        Config config;
        try {
            config = Config.fromKubeconfig(source.context(), file.toFile());
        } catch (KubernetesClientException e) {
            throw new ClusterConnectionException(
                    "kubeconfig " + file + " cannot be read: " + KubernetesErrors.firstLine(e.getMessage()), e);
        }
        if (source.context() != null) {
            // fabric8 falls back to the current context when the named one is missing; that would
            // quietly point the tools at another cluster.
            List<String> contexts = config.getContexts() == null
                    ? List.of()
                    : config.getContexts().stream().map(NamedContext::getName).toList();
            if (!contexts.contains(source.context())) {
                throw new ClusterConnectionException("kubeconfig " + file + " has no context '" + source.context()
                        + "' (contexts: " + String.join(", ", contexts) + ")");
            }
        }
        return config;
    }

    private static Path readable(Path path, String what) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ClusterConnectionException(what + " " + path + " is missing or not readable");
        }
        return path;
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new KubernetesClientException(
                    "cannot read the service account token " + file + ": " + e.getMessage());
        }
    }
}
