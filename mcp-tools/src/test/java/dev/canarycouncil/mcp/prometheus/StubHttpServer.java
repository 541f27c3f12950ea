package dev.canarycouncil.mcp.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HTTP server on a free loopback port that records each request and answers every one
 * the same way, or never answers at all, to stand in for a misbehaving Prometheus or proxy.
 */
final class StubHttpServer implements AutoCloseable {

    /** What one request carried. */
    record Request(String method, String path, String authorization, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final int status;
    private final String contentType;
    private final String body;
    private final boolean hang;

    private StubHttpServer(int status, String contentType, String body, boolean hang) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.hang = hang;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubHttpServer answering(int status, String contentType, String body) {
        return new StubHttpServer(status, contentType, body, false);
    }

    /** Accepts each request and holds it without answering until closed. */
    static StubHttpServer hanging() {
        return new StubHttpServer(0, null, null, true);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (hang) {
                released.await(60, TimeUnit.SECONDS);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
