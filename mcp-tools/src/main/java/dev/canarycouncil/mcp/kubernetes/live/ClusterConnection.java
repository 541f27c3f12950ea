package dev.canarycouncil.mcp.kubernetes.live;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How the MCP server reaches a live cluster: where the credentials come from, which namespaces
 * the tools may read, and how long one API request may take.
 *
 * @param source             in-cluster service account, a kubeconfig file, or an API URL with a bearer token
 * @param allowedNamespaces  the only namespaces the tools answer about; any other is refused before
 *                           an API call is made, so a prompt cannot steer an agent into other teams' namespaces
 * @param callTimeout        limit for one API request (connect and answer); no retries are made within it
 */
public record ClusterConnection(Source source, Set<String> allowedNamespaces, Duration callTimeout) {

    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

    /** Where a pod's service account is mounted by default. */
    public static final Path DEFAULT_SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public ClusterConnection {
        Objects.requireNonNull(source, "source");
        if (allowedNamespaces == null || allowedNamespaces.isEmpty()) {
            throw new IllegalArgumentException(
                    "the namespace allow-list is empty: name at least one namespace the tools may read");
        }
        for (String ns : allowedNamespaces) {
            if (ns == null || !NAMESPACE.matcher(ns).matches()) {
                throw new IllegalArgumentException(
                        "'" + ns + "' in the namespace allow-list is not a valid namespace name");
            }
        }
        // Sorted, so error messages list the allowed namespaces in a stable order.
        allowedNamespaces = Set.copyOf(new TreeSet<>(allowedNamespaces));
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        if (callTimeout.isNegative() || callTimeout.isZero() || callTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("call timeout must be between 1 ms and 24 days, was " + callTimeout);
        }
    }

    /** The pod's own service account, as mounted by Kubernetes, with the default timeout. */
    public static ClusterConnection inCluster(Set<String> allowedNamespaces) {
        return new ClusterConnection(new InCluster(DEFAULT_SERVICE_ACCOUNT_DIR), allowedNamespaces, null);
    }

    /** A kubeconfig file; {@code context} null means its current-context. */
    public static ClusterConnection kubeconfig(Path file, String context, Set<String> allowedNamespaces) {
        return new ClusterConnection(new Kubeconfig(file, context), allowedNamespaces, null);
    }

    /** An explicit API server URL and bearer token, trusting the JVM's CA certificates. */
    public static ClusterConnection apiServer(URI url, String token, Set<String> allowedNamespaces) {
        return new ClusterConnection(new ApiServer(url, new BearerToken(token), null), allowedNamespaces, null);
    }

    public ClusterConnection withCallTimeout(Duration timeout) {
        return new ClusterConnection(source, allowedNamespaces, timeout);
    }

    /** For descriptions and logs: never includes a credential. */
    public String describe() {
        return source.describe() + ", namespaces " + String.join(", ", new TreeSet<>(allowedNamespaces)) + ", "
                + callTimeout.toMillis() + " ms per call";
    }

    /** Where the credentials come from. */
    public sealed interface Source permits InCluster, Kubeconfig, ApiServer {

        /** Safe to print: names the source, never a credential. */
        String describe();

        /** Who the API server sees, as an SRE would say it in an RBAC error. */
        String identity();
    }

    /**
     * The service account token, CA certificate and the {@code KUBERNETES_SERVICE_HOST/PORT}
     * environment Kubernetes gives every pod.
     */
    public record InCluster(Path serviceAccountDir) implements Source {
        public InCluster {
            Objects.requireNonNull(serviceAccountDir, "serviceAccountDir");
        }

        @Override
        public String describe() {
            return "in-cluster service account (" + serviceAccountDir + ")";
        }

        @Override
        public String identity() {
            return "the service account";
        }
    }

    /** A kubeconfig file and optionally one of its contexts (null: its current-context). */
    public record Kubeconfig(Path file, String context) implements Source {
        public Kubeconfig {
            Objects.requireNonNull(file, "file");
            if (context != null && context.isBlank()) {
                context = null;
            }
        }

        @Override
        public String describe() {
            return "kubeconfig " + file + (context == null ? " (current context)" : " (context " + context + ")");
        }

        @Override
        public String identity() {
            return "the kubeconfig user" + (context == null ? "" : " of context " + context);
        }
    }

    /**
     * An API server URL and a bearer token.
     *
     * @param caCertificate PEM file of the CA that signed the API server's certificate, or null for the JVM's trust store
     */
    public record ApiServer(URI url, BearerToken token, Path caCertificate) implements Source {
        public ApiServer {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(token, "token");
            String scheme = url.getScheme();
            if (url.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new IllegalArgumentException("API server URL must be http(s)://host[:port], was " + url);
            }
            if (url.getUserInfo() != null) {
                throw new IllegalArgumentException(
                        "API server URL must not carry credentials; pass a bearer token instead");
            }
        }

        @Override
        public String describe() {
            return "API server " + url + " with a bearer token";
        }

        @Override
        public String identity() {
            return "the bearer token's user";
        }
    }

    /** A bearer token whose value never appears in {@link #toString()}. */
    public record BearerToken(String value) {
        public BearerToken {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the bearer token is empty");
            }
            value = value.strip();
            if (value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "the bearer token contains whitespace (was a file with several lines passed?)");
            }
        }

        @Override
        public String toString() {
            return "[redacted]";
        }
    }
}
