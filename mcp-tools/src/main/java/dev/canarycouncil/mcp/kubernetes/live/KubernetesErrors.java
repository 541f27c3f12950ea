package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.text.Texts;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns fabric8 failures into {@link ToolException}s an SRE can act on: what was refused or
 * failed, against which API server, with the server's own explanation, and never a stack trace
 * or a credential.
 */
final class KubernetesErrors {

    private final String apiUrl;
    private final String identity;
    private final Duration timeout;
    private final List<String> secrets;

    /**
     * @param identity  who the API server sees, e.g. "the service account"
     * @param secrets   credential values to blank out should a message ever echo one
     */
    KubernetesErrors(String apiUrl, String identity, Duration timeout, List<String> secrets) {
        this.apiUrl = apiUrl;
        this.identity = identity;
        this.timeout = timeout;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    String apiUrl() {
        return apiUrl;
    }

    /**
     * @param action what was attempted, as a phrase that reads after "may not", e.g.
     *               {@code list pods in namespace shop}
     */
    ToolException translate(KubernetesClientException e, String action) {
        int code = e.getCode();
        String detail = serverMessage(e);
        ToolException out;
        if (code == 403) {
            out = new ToolException(Kind.FORBIDDEN, identity + " may not " + action + " (RBAC): " + detail);
        } else if (code == 401) {
            out = new ToolException(
                    Kind.FORBIDDEN,
                    "the Kubernetes API at " + apiUrl + " rejected the credentials of " + identity
                            + " (HTTP 401) when asked to " + action + ": the token is missing, expired or revoked");
        } else if (code == 404) {
            out = new ToolException(Kind.NOT_FOUND, "cannot " + action + ": " + detail);
        } else if (code == 400 || code == 422) {
            out = new ToolException(Kind.INVALID_ARGUMENT, "the Kubernetes API refused to " + action + ": " + detail);
        } else if (code == 429 || code >= 500) {
            out = new ToolException(
                    Kind.UNREACHABLE,
                    "the Kubernetes API at " + apiUrl + " answered HTTP " + code + " when asked to " + action
                            + " (overloaded or failing; retry later): " + detail);
        } else if (code > 0) {
            out = new ToolException(
                    Kind.INTERNAL,
                    "the Kubernetes API at " + apiUrl + " answered HTTP " + code + " when asked to " + action + ": "
                            + detail);
        } else {
            out = transportFailure(e, action);
        }
        return new ToolException(out.kind(), redact(out.getMessage()), e);
    }

    private ToolException transportFailure(Throwable e, String action) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof InterruptedIOException
                    || t instanceof io.fabric8.kubernetes.client.KubernetesClientTimeoutException) {
                return new ToolException(
                        Kind.TIMEOUT,
                        "the Kubernetes API at " + apiUrl + " did not answer within " + format(timeout)
                                + " (the per-call limit) when asked to " + action);
            }
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new ToolException(
                        Kind.TIMEOUT,
                        "the call to " + action + " was cancelled before the Kubernetes API at " + apiUrl
                                + " answered");
            }
            if (t instanceof UnknownHostException) {
                return new ToolException(
                        Kind.UNREACHABLE,
                        "cannot reach the Kubernetes API at " + apiUrl + ": unknown host (" + firstLine(t.getMessage())
                                + "); check the API URL or kubeconfig");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new ToolException(
                        Kind.UNREACHABLE,
                        "cannot reach the Kubernetes API at " + apiUrl + " to " + action + ": "
                                + firstLine(t.getMessage()) + "; is the URL right and the API server up?");
            }
            if (t instanceof SSLException) {
                return new ToolException(
                        Kind.UNREACHABLE,
                        "TLS with the Kubernetes API at " + apiUrl + " failed: " + firstLine(t.getMessage())
                                + "; check the CA certificate");
            }
            if (t instanceof SocketException || t instanceof ClosedChannelException) {
                return new ToolException(
                        Kind.UNREACHABLE,
                        "the connection to the Kubernetes API at " + apiUrl + " broke when asked to " + action + ": "
                                + firstLine(String.valueOf(t.getMessage())));
            }
        }
        return new ToolException(
                Kind.INTERNAL, "the Kubernetes API call to " + action + " failed: " + firstLine(deepestMessage(e)));
    }

    /** The API server's Status message when it sent one, else the client's first line. */
    private static String serverMessage(KubernetesClientException e) {
        if (e.getStatus() != null
                && e.getStatus().getMessage() != null
                && !e.getStatus().getMessage().isBlank()) {
            return firstLine(e.getStatus().getMessage());
        }
        return firstLine(e.getMessage());
    }

    private static String deepestMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    String redact(String message) {
        String out = message;
        for (String secret : secrets) {
            out = out.replace(secret, "[redacted]");
        }
        return out;
    }

    static String firstLine(String message) {
        String line = Texts.firstLine(message);
        return line.length() > 500 ? Texts.abbreviate(line, 501) : line.strip();
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
