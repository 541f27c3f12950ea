package dev.canarycouncil.launcher;

import dev.canarycouncil.mcp.kubernetes.live.ClusterConnection;
import dev.canarycouncil.mcp.kubernetes.live.ClusterConnectionException;
import dev.canarycouncil.mcp.kubernetes.live.KubernetesClusterBackend;
import dev.canarycouncil.mcp.prometheus.NoMetricsBackend;
import dev.canarycouncil.mcp.server.ToolBackends;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * How the MCP tools reach a live cluster: the pod's service account, a kubeconfig, or an API URL
 * with a token (from the environment only). The tools read only the allowed namespaces.
 */
final class ClusterOptions {

    static final String TOKEN_ENV = "CANARY_COUNCIL_KUBE_TOKEN";

    @Option(names = "--in-cluster", description = "Read the cluster with this pod's service account (in a Deployment).")
    boolean inCluster;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Read the cluster through this kubeconfig file.")
    Path kubeconfig;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "The kubeconfig context to use (default: its current context).")
    String context;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            description = "Read the cluster at this API server URL, with a bearer token from env " + TOKEN_ENV + ".")
    String apiUrl;

    @Option(
            names = "--namespaces",
            paramLabel = "NS",
            split = ",",
            defaultValue = "${env:CANARY_COUNCIL_NAMESPACES}",
            description = "Namespaces the tools may read, comma-separated (env CANARY_COUNCIL_NAMESPACES); "
                    + "analyze defaults to the --namespace it analyses.")
    List<String> namespaces;

    boolean given() {
        return inCluster || kubeconfig != null || apiUrl != null;
    }

    /**
     * The tools' backends over the live cluster, metrics from {@code prometheus} when given.
     *
     * @param defaultNamespace allowed when no --namespaces was given; null for none
     */
    ToolBackends backends(PrometheusOption prometheus, String defaultNamespace) {
        requireOneSource();
        Set<String> allowed = new LinkedHashSet<>();
        if (namespaces != null) {
            namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(allowed::add);
        }
        if (allowed.isEmpty() && defaultNamespace != null) {
            allowed.add(defaultNamespace);
        }
        if (allowed.isEmpty()) {
            throw new UsageException(
                    "give --namespaces (or CANARY_COUNCIL_NAMESPACES): the namespaces the tools may read");
        }
        ClusterConnection connection = connection(allowed);
        KubernetesClusterBackend cluster;
        try {
            cluster = KubernetesClusterBackend.connect(connection);
        } catch (ClusterConnectionException e) {
            throw new UsageException(e.getMessage());
        }
        ToolBackends live = ToolBackends.live(cluster, new NoMetricsBackend(), null, connection.describe());
        return prometheus.apply(live, null);
    }

    /** The connection the options name, limited to {@code allowed} namespaces. */
    ClusterConnection connection(Set<String> allowed) {
        requireOneSource();
        try {
            return inCluster
                    ? ClusterConnection.inCluster(allowed)
                    : kubeconfig != null
                            ? ClusterConnection.kubeconfig(kubeconfig, context, allowed)
                            : ClusterConnection.apiServer(uri(apiUrl), token(), allowed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private void requireOneSource() {
        int sources = (inCluster ? 1 : 0) + (kubeconfig != null ? 1 : 0) + (apiUrl != null ? 1 : 0);
        if (sources > 1) {
            throw new UsageException("give only one of --in-cluster, --kubeconfig and --api-url");
        }
        if (sources == 0) {
            throw new UsageException("give the cluster: --in-cluster, --kubeconfig FILE or --api-url URL");
        }
        if (context != null && kubeconfig == null) {
            throw new UsageException("--context goes with --kubeconfig");
        }
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new UsageException("--api-url '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static String token() {
        String token = System.getenv(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            throw new UsageException("--api-url needs a bearer token in env " + TOKEN_ENV);
        }
        return token;
    }
}
