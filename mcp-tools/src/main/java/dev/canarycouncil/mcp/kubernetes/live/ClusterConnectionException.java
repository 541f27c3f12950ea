package dev.canarycouncil.mcp.kubernetes.live;

/**
 * A {@link ClusterConnection} that cannot be turned into a client (no service account mounted,
 * unreadable kubeconfig, unknown context); the message says what to fix and never holds a credential.
 */
public class ClusterConnectionException extends RuntimeException {

    public ClusterConnectionException(String message) {
        super(message);
    }

    public ClusterConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
