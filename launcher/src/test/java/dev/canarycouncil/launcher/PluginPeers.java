package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.agent.AgentWork;
import dev.canarycouncil.runtime.agent.WorkAgentExecutor;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import io.a2a.spec.AgentCard;
import io.a2a.spec.TextPart;
import io.a2a.util.Utils;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Plug-in agents for tests, each a real HTTP server: well-behaved A2A agents built from
 * agent-runtime, and peers that misbehave on the wire (500s, broken JSON, endless or huge replies,
 * unusable cards) the way a buggy or hostile third-party agent might.
 */
final class PluginPeers implements AutoCloseable {

    private final Vertx vertx;
    private final List<AutoCloseable> started = new ArrayList<>();

    PluginPeers(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The card JSON of a plug-in voter, with the given name, protocol and tags. */
    static String cardJson(String name, String url, boolean streaming, String protocol, String tagsJson) {
        return """
                {"name":"%s","description":"test plug-in","url":"%s","version":"1.0.0","protocolVersion":"%s",
                 "preferredTransport":"JSONRPC","capabilities":{"streaming":%s},
                 "defaultInputModes":["application/json"],"defaultOutputModes":["application/json"],
                 "skills":[{"id":"judge","name":"judge","description":"judges canaries","tags":%s}]}
                """.formatted(name, url, protocol, streaming, tagsJson);
    }

    /** A real A2A agent (agent-runtime's server) doing {@code work}; returns its base URL. */
    String agent(String name, AgentWork work, A2aServerSettings settings) throws Exception {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        AgentCard card = Utils.OBJECT_MAPPER.readValue(
                cardJson(name, endpoint.baseUrl(), true, "0.3.0", "[\"canary-analysis\",\"traces\"]"), AgentCard.class);
        A2aAgentServer server = new A2aAgentServer(card, new WorkAgentExecutor(name, work), settings);
        server.mount(endpoint.router());
        started.add(server);
        started.add(endpoint);
        return endpoint.baseUrl();
    }

    /** An agent answering every analysis with this verdict as a Finding DataPart. */
    String voter(String name, Decision verdict, int confidence, A2aServerSettings settings) throws Exception {
        return agent(
                name,
                (message, progress) -> {
                    Finding f = new Finding(name, verdict, confidence, name + " says " + verdict, List.of(), List.of());
                    return new AgentOutput("finding", A2aParts.payload(A2aParts.FINDING, f, f.summary()));
                },
                settings);
    }

    /** An agent answering with text only, no Finding DataPart. */
    String texter(String name, String text) throws Exception {
        return agent(
                name,
                (message, progress) -> new AgentOutput("answer", List.of(new TextPart(text))),
                A2aServerSettings.defaults());
    }

    /** How a raw peer answers {@code POST /}. */
    enum Wire {
        HTTP_500,
        HTML_413,
        INVALID_JSON,
        HUGE_BODY,
        HUGE_EVENT,
        NEVER_ANSWERS
    }

    /** A peer with a valid card whose JSON-RPC endpoint misbehaves as {@code wire} says. */
    String raw(String name, Wire wire) {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        boolean streaming = wire == Wire.HUGE_EVENT || wire == Wire.HTML_413;
        String card = cardJson(name, endpoint.baseUrl(), streaming, "0.3.0", "[\"canary-analysis\"]");
        endpoint.router()
                .get(A2aAgentServer.CARD_PATH)
                .handler(rc -> rc.response()
                        .putHeader("Content-Type", "application/json")
                        .end(card));
        endpoint.router().post("/").handler(rc -> {
            HttpServerResponse r = rc.response();
            switch (wire) {
                case HTTP_500 -> r.setStatusCode(500).end("upstream exploded");
                // What an Express-based agent (the JavaScript A2A SDK's default 100 kB limit) answers a large request.
                case HTML_413 ->
                    r.setStatusCode(413)
                            .putHeader("Content-Type", "text/html")
                            .end(
                                    "<!DOCTYPE html>\n<html lang=\"en\">"
                                            + "<head><meta charset=\"utf-8\"><title>Error</title></head><body><pre>PayloadTooLargeError: request entity "
                                            + "too large<br> &nbsp; &nbsp;at readStream (/app/node_modules/raw-body/index.js:163:17)</pre></body></html>");
                case INVALID_JSON ->
                    r.putHeader("Content-Type", "application/json")
                            .end("{\"jsonrpc\":\"2.0\",\"result\":{\"kind\":\"task\",\"id\":");
                case HUGE_BODY ->
                    stream(
                            r,
                            "application/json",
                            "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":{\"kind\":\"message\","
                                    + "\"messageId\":\"m\",\"role\":\"agent\",\"parts\":[{\"kind\":\"text\",\"text\":\"");
                case HUGE_EVENT ->
                    stream(
                            r,
                            "text/event-stream",
                            "data: {\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":{\"kind\":"
                                    + "\"message\",\"messageId\":\"m\",\"role\":\"agent\",\"parts\":[{\"kind\":\"text\",\"text\":\"");
                case NEVER_ANSWERS -> {
                    /* holds the connection open */
                }
            }
        });
        started.add(endpoint);
        return endpoint.baseUrl();
    }

    /** Writes 32 MiB after {@code head}, without ever closing the JSON: larger than any cap we allow. */
    private static void stream(HttpServerResponse r, String type, String head) {
        r.setChunked(true).putHeader("Content-Type", type);
        r.write(head);
        Buffer mib = Buffer.buffer("A".repeat(1024 * 1024));
        writeMore(r, mib, 32);
    }

    private static void writeMore(HttpServerResponse r, Buffer chunk, int left) {
        if (left == 0 || r.closed()) {
            if (!r.closed()) {
                r.end();
            }
            return;
        }
        r.write(chunk).onComplete(done -> {
            if (done.succeeded()) {
                writeMore(r, chunk, left - 1);
            }
        });
    }

    /** A peer whose card endpoint serves {@code body} as {@code type}. */
    String card(String type, java.util.function.Function<String, String> body) {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        String text = body.apply(endpoint.baseUrl());
        endpoint.router()
                .get(A2aAgentServer.CARD_PATH)
                .handler(rc -> rc.response().putHeader("Content-Type", type).end(text));
        started.add(endpoint);
        return endpoint.baseUrl();
    }

    @Override
    public void close() {
        for (AutoCloseable c : started) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Stopping anyway.
            }
        }
    }
}
