package dev.canarycouncil.runtime.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server on its own port, serving a router. Port 0 picks a free port; {@link #port()}
 * tells which.
 */
public final class HttpEndpoint implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final Router router;
    private final String host;

    private HttpEndpoint(HttpServer server, Router router, String host) {
        this.server = server;
        this.router = router;
        this.host = host;
    }

    /**
     * Binds {@code host:port}.
     *
     * @throws IllegalStateException when the port cannot be bound (in use, no permission)
     */
    public static HttpEndpoint start(Vertx vertx, String host, int port) {
        Router router = Router.router(vertx);
        HttpServer server = vertx.createHttpServer(
                new HttpServerOptions().setCompressionSupported(true).setIdleTimeout(0));
        try {
            server.requestHandler(router)
                    .listen(port, host)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding " + host + ":" + port, e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
        }
        return new HttpEndpoint(server, router, host);
    }

    public Router router() {
        return router;
    }

    public int port() {
        return server.actualPort();
    }

    public String host() {
        return host;
    }

    /** {@code http://host:port}, with a wildcard bind address shown as loopback. */
    public String baseUrl() {
        String shown = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        return "http://" + shown + ":" + port();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // The process is going away; a server that will not close cleanly changes nothing.
        }
    }
}
