package dev.canarycouncil.runtime.github;

import dev.canarycouncil.runtime.http.HttpLimits;
import dev.canarycouncil.runtime.http.OutboundHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * github-api's HTTP transport on the council's HTTP layer, with a deadline on every exchange and a
 * cap on every reply: github-api's own Java 11 connector sets neither, so a GitHub that accepts
 * connections but never answers would hold a tool call or an A2A task forever. Transport failures
 * become {@link GitHubUnreachableException}s that name the host, never the request's headers.
 */
public final class GitHubTransport implements GitHubConnector {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpLimits limits;
    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout the limit of one exchange, connecting and reading the whole reply */
    public GitHubTransport(Duration timeout) {
        this.timeout = timeout;
        // Redirects are github-api's to follow: it drops the Authorization header when the host changes.
        this.limits = HttpLimits.of(timeout, timeout);
        this.client = OutboundHttp.client(limits);
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        URI uri;
        try {
            uri = request.url().toURI();
        } catch (URISyntaxException e) {
            throw new IOException("invalid GitHub URL " + request.url() + ": " + e.getMessage(), e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        request.allHeaders().forEach((name, values) -> {
            if (name != null && !RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, String.join(",", values));
            }
        });
        builder.method(
                request.method(),
                request.hasBody()
                        ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
                        : HttpRequest.BodyPublishers.noBody());
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(
                builder.build(), OutboundHttp.cappedBytes(limits, "GitHub's reply from " + uri.getHost()));
        try {
            // The request timeout stops at the headers; this bounds the body too.
            return new Response(request, exchange.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw noAnswer(uri, new HttpTimeoutException("no answer within " + seconds() + " s"));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for GitHub at " + uri.getHost());
        } catch (ExecutionException e) {
            throw unreachable(uri, e.getCause());
        }
    }

    private GitHubUnreachableException noAnswer(URI uri, Throwable cause) {
        return new GitHubUnreachableException(
                "GitHub at " + uri.getHost() + " did not answer within " + seconds() + " s", cause);
    }

    private GitHubUnreachableException unreachable(URI uri, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return noAnswer(uri, cause);
        }
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (cause instanceof ConnectException) {
            return new GitHubUnreachableException(
                    "cannot connect to GitHub at " + host + " (connection refused or unreachable)", cause);
        }
        String what = cause == null
                ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new GitHubUnreachableException("connection to GitHub at " + host + " failed (" + what + ")", cause);
    }

    private String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {

        private final byte[] body;

        Response(GitHubConnectorRequest request, HttpResponse<byte[]> response) {
            super(request, response.statusCode(), response.headers().map());
            this.body = response.body();
        }

        @Override
        protected InputStream rawBodyStream() {
            return body == null ? null : new ByteArrayInputStream(body);
        }
    }
}
