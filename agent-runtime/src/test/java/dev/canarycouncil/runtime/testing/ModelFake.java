package dev.canarycouncil.runtime.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The HTTP side shared by the model fakes: a JDK HttpServer on 127.0.0.1 (random port), the
 * request/reply cycle (parse, record, key check, scripted reply, delay, render) and the
 * {@link ModelScript} scripting API. Subclasses only speak their provider's wire format. Thread-safe.
 */
public abstract sealed class ModelFake implements AutoCloseable permits GeminiFake, OpenAiFake {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // Without TCP_NODELAY each small JSON answer waits ~40 ms on Nagle and delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One HTTP answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, Map.of(), body.toString());
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new TreeMap<>(headers);
            all.put(name, value);
            return new Answer(status, all, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ModelScript script = new ModelScript();
    private final String apiKey;

    ModelFake(String threadName, String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Unbounded: a Delayed reply holds its thread and must not hold up the requests behind it.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to give the provider's langchain4j builder ({@code baseUrl(...)}). */
    public abstract String url();

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiKey() {
        return apiKey;
    }

    /** See {@link ModelScript#enqueue}. */
    public void enqueue(ModelReply... replies) {
        script.enqueue(replies);
    }

    /** See {@link ModelScript#respondWith}. */
    public void respondWith(Function<ModelRequest, ModelReply> responder) {
        script.respondWith(responder);
    }

    public List<ModelRequest> requests() {
        return script.requests();
    }

    public int requestCount() {
        return script.requestCount();
    }

    /** The most recent request; fails when there was none. */
    public ModelRequest lastRequest() {
        List<ModelRequest> all = script.requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return all.get(all.size() - 1);
    }

    public void reset() {
        script.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // also ends the sleep of Delayed replies
    }

    /** Parses whatever arrived; must not throw (a non-JSON body leaves the parsed fields empty). */
    abstract ModelRequest parse(URI uri, Map<String, List<String>> headers, String body);

    /** An answer that refuses the request before any scripted reply is used (unknown path, bad key, ...), or null. */
    abstract Answer refuse(ModelRequest request, String method, URI uri);

    /** The scripted reply in the provider's wire format; never a {@link ModelReply.Delayed}. */
    abstract Answer render(ModelRequest request, ModelReply reply);

    /** The provider's error for a failure of the fake itself. */
    abstract Answer internalError(String message);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            try {
                answer = answer(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body);
            } catch (RuntimeException e) {
                answer = internalError("fake failed: " + e);
            }
            if (answer == null) {
                return; // closed while delaying
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Answer answer(String method, URI uri, Map<String, List<String>> headers, String body) {
        ModelRequest request = parse(uri, headers, body);
        script.record(request);
        Answer refused = refuse(request, method, uri);
        if (refused != null) {
            return refused;
        }
        ModelReply reply = script.next(request);
        while (reply instanceof ModelReply.Delayed delayed) {
            try {
                Thread.sleep(delayed.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            reply = delayed.then();
        }
        return render(request, reply);
    }

    /** The body as JSON, or a MissingNode when it is not JSON. */
    static JsonNode readTree(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
