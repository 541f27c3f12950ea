package dev.canarycouncil.issuewriter.filing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through HTTP proxy in front of a server that can lose answers: the request reaches the
 * server and is processed, then the connection is closed without a response, as when a network
 * drops the reply to a request that already took effect.
 */
final class LosingProxy implements AutoCloseable {

    private static final Set<String> HOP =
            Set.of("connection", "content-length", "transfer-encoding", "host", "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final AtomicInteger lose = new AtomicInteger();
    private volatile String losePost;
    private final AtomicInteger refuse = new AtomicInteger();
    private volatile String refusePost;
    private volatile String refusal;

    LosingProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forward the next {@code n} POSTs to paths ending with {@code pathSuffix}, and lose their answers. */
    void loseAnswersToPosts(String pathSuffix, int n) {
        losePost = pathSuffix;
        lose.set(n);
    }

    /** Answer the next POST to a path ending with {@code pathSuffix} with a 422 and GitHub's {@code message}, without forwarding it. */
    void refuseNextPost(String pathSuffix, String message) {
        refusePost = pathSuffix;
        refusal = "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"field\":\"assignees\","
                + "\"code\":\"invalid\",\"message\":\"" + message + "\"}]}";
        refuse.set(1);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST")
                    && refusePost != null
                    && exchange.getRequestURI().getPath().endsWith(refusePost)
                    && refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                byte[] answer = refusal.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(422, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean drop = exchange.getRequestMethod().equals("POST")
                    && losePost != null
                    && exchange.getRequestURI().getPath().endsWith(losePost)
                    && lose.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (drop) {
                return; // closing the exchange without a response closes the connection
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
