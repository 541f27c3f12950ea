package dev.canarycouncil.mcp.server;

import dev.canarycouncil.runtime.text.Texts;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MCP Streamable HTTP on vertx-web: {@code POST /mcp} for client messages (requests are answered
 * over SSE), {@code GET /mcp} for the server-to-client listening stream, {@code DELETE /mcp} to end
 * a session, sessions named by the {@code Mcp-Session-Id} header. The SDK ships no Vert.x
 * transport; this follows the protocol of its servlet transport without ever blocking the event
 * loop (tool handlers run on Reactor's boundedElastic scheduler).
 */
public final class VertxStreamableServerTransport implements McpStreamableServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(VertxStreamableServerTransport.class);
    private static final String APPLICATION_JSON = "application/json";
    private static final String TEXT_EVENT_STREAM = "text/event-stream";

    private final McpJsonMapper jsonMapper;
    private final String path;
    private final ServerTransportSecurityValidator security;
    private final long maxRequestBytes;
    private final Map<String, McpStreamableServerSession> sessions = new ConcurrentHashMap<>();
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    /** @param security checks Origin (and Host, if configured) before anything else, as the MCP spec asks */
    public VertxStreamableServerTransport(
            McpJsonMapper jsonMapper, String path, ServerTransportSecurityValidator security, long maxRequestBytes) {
        this.jsonMapper = jsonMapper;
        this.path = path;
        this.security = security;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Adds the MCP endpoint to {@code router}. */
    public void mount(Router router) {
        router.post(path)
                .handler(BodyHandler.create(false).setBodyLimit(maxRequestBytes))
                .handler(this::post);
        router.get(path).handler(this::get);
        router.delete(path).handler(this::delete);
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(
                ProtocolVersions.MCP_2024_11_05,
                ProtocolVersions.MCP_2025_03_26,
                ProtocolVersions.MCP_2025_06_18,
                ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.values())
                .flatMap(session -> session.sendNotification(method, params).onErrorResume(e -> {
                    LOG.debug("Notification to session {} failed: {}", session.getId(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    @Override
    public Mono<Void> closeGracefully() {
        closing = true;
        return Flux.fromIterable(sessions.values())
                .flatMap(session -> session.closeGracefully().onErrorResume(e -> Mono.empty()))
                .then(Mono.fromRunnable(sessions::clear));
    }

    public int sessionCount() {
        return sessions.size();
    }

    private static Map<String, List<String>> headers(RoutingContext rc) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        rc.request()
                .headers()
                .names()
                .forEach(name -> headers.put(name, rc.request().headers().getAll(name)));
        return headers;
    }

    private boolean admitted(RoutingContext rc) {
        if (closing) {
            error(rc, 503, McpSchema.ErrorCodes.INTERNAL_ERROR, "Server is shutting down");
            return false;
        }
        try {
            security.validateHeaders(headers(rc));
        } catch (ServerTransportSecurityException e) {
            String origin = rc.request().getHeader("Origin");
            error(
                    rc,
                    e.getStatusCode(),
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    e.getStatusCode() == 403 ? "Origin " + origin + " is not allowed" : e.getMessage());
            return false;
        }
        return true;
    }

    private void post(RoutingContext rc) {
        if (!admitted(rc)) {
            return;
        }
        String accept = rc.request().getHeader("Accept");
        if (accept == null || !accept.contains(APPLICATION_JSON) || !accept.contains(TEXT_EVENT_STREAM)) {
            error(
                    rc,
                    400,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "The Accept header must list both application/json and text/event-stream");
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(jsonMapper, rc.body().asString());
        } catch (Exception e) {
            error(
                    rc,
                    400,
                    McpSchema.ErrorCodes.PARSE_ERROR,
                    "Invalid JSON-RPC message: " + Texts.firstLine(e.getMessage()));
            return;
        }
        McpTransportContext context = transportContext(rc);
        if (message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(rc, request);
            return;
        }
        McpStreamableServerSession session = session(rc);
        if (session == null) {
            return;
        }
        if (message instanceof McpSchema.JSONRPCResponse response) {
            session.accept(response)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .subscribe(null, e -> LOG.debug("Client response rejected: {}", e.toString()));
            rc.response().setStatusCode(202).end();
        } else if (message instanceof McpSchema.JSONRPCNotification notification) {
            session.accept(notification)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .subscribe(null, e -> LOG.debug("Client notification rejected: {}", e.toString()));
            rc.response().setStatusCode(202).end();
        } else if (message instanceof McpSchema.JSONRPCRequest request) {
            SseSessionTransport transport = SseSessionTransport.open(rc.response(), jsonMapper, session.getId());
            session.responseStream(request, transport)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .subscribe(null, e -> {
                        LOG.warn("MCP request {} failed: {}", request.method(), e.toString());
                        transport.close();
                    });
        } else {
            error(rc, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "Unknown JSON-RPC message type");
        }
    }

    private void initialize(RoutingContext rc, McpSchema.JSONRPCRequest request) {
        McpStreamableServerSession.Factory factory = sessionFactory;
        if (factory == null) {
            error(rc, 503, McpSchema.ErrorCodes.INTERNAL_ERROR, "MCP server is not ready");
            return;
        }
        McpSchema.InitializeRequest initialize;
        try {
            initialize = jsonMapper.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
        } catch (RuntimeException e) {
            error(
                    rc,
                    400,
                    McpSchema.ErrorCodes.INVALID_PARAMS,
                    "Invalid initialize parameters: " + Texts.firstLine(e.getMessage()));
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(initialize);
        sessions.put(init.session().getId(), init.session());
        init.initResult()
                .subscribe(
                        result -> {
                            String json = write(new McpSchema.JSONRPCResponse(
                                    McpSchema.JSONRPC_VERSION, request.id(), result, null));
                            rc.response()
                                    .putHeader("Content-Type", APPLICATION_JSON)
                                    .putHeader(
                                            HttpHeaders.MCP_SESSION_ID,
                                            init.session().getId())
                                    .end(json);
                        },
                        e -> {
                            sessions.remove(init.session().getId());
                            error(
                                    rc,
                                    500,
                                    McpSchema.ErrorCodes.INTERNAL_ERROR,
                                    "Failed to initialise the session: " + e.getMessage());
                        });
    }

    private void get(RoutingContext rc) {
        if (!admitted(rc)) {
            return;
        }
        String accept = rc.request().getHeader("Accept");
        if (accept == null || !accept.contains(TEXT_EVENT_STREAM)) {
            error(rc, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "The Accept header must list text/event-stream");
            return;
        }
        McpStreamableServerSession session = session(rc);
        if (session == null) {
            return;
        }
        McpTransportContext context = transportContext(rc);
        SseSessionTransport transport = SseSessionTransport.open(rc.response(), jsonMapper, session.getId());
        String lastEventId = rc.request().getHeader(HttpHeaders.LAST_EVENT_ID);
        if (lastEventId != null) {
            session.replay(lastEventId)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .concatMap(transport::sendMessage)
                    .subscribe(null, e -> transport.close(), transport::close);
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionStream stream = session.listeningStream(transport);
        rc.response().closeHandler(v -> stream.close());
    }

    private void delete(RoutingContext rc) {
        if (!admitted(rc)) {
            return;
        }
        McpStreamableServerSession session = session(rc);
        if (session == null) {
            return;
        }
        McpTransportContext context = transportContext(rc);
        session.delete()
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .subscribe(
                        null,
                        e -> error(
                                rc,
                                500,
                                McpSchema.ErrorCodes.INTERNAL_ERROR,
                                "Could not delete the session: " + e.getMessage()),
                        () -> {
                            sessions.remove(session.getId());
                            rc.response().setStatusCode(200).end();
                        });
    }

    private McpStreamableServerSession session(RoutingContext rc) {
        String id = rc.request().getHeader(HttpHeaders.MCP_SESSION_ID);
        if (id == null || id.isBlank()) {
            error(
                    rc,
                    400,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Missing the " + HttpHeaders.MCP_SESSION_ID + " header");
            return null;
        }
        McpStreamableServerSession session = sessions.get(id);
        if (session == null) {
            // 404 tells a client its session is gone and it must initialise again.
            error(rc, 404, McpSchema.ErrorCodes.INVALID_REQUEST, "Unknown MCP session " + id);
        }
        return session;
    }

    private static McpTransportContext transportContext(RoutingContext rc) {
        Map<String, Object> values = new ConcurrentHashMap<>();
        rc.request().headers().forEach(h -> values.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        return McpTransportContext.create(values);
    }

    private void error(RoutingContext rc, int status, int code, String message) {
        HttpServerResponse response = rc.response();
        if (response.ended()) {
            return;
        }
        // Transport errors happen before a request id is known; JSON-RPC answers those with id null,
        // which the SDK's response record refuses, hence a plain map.
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", null);
        error.put("error", Map.of("code", code, "message", message));
        response.setStatusCode(status)
                .putHeader("Content-Type", APPLICATION_JSON)
                .end(write(error));
    }

    private String write(Object value) {
        try {
            return jsonMapper.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot serialise an MCP message", e);
        }
    }

    /** One SSE response stream for one MCP session; closing it ends the HTTP response. */
    static final class SseSessionTransport implements McpStreamableServerTransport {

        private final HttpServerResponse response;
        private final McpJsonMapper jsonMapper;
        private final String sessionId;
        private volatile boolean closed;

        private SseSessionTransport(HttpServerResponse response, McpJsonMapper jsonMapper, String sessionId) {
            this.response = response;
            this.jsonMapper = jsonMapper;
            this.sessionId = sessionId;
        }

        static SseSessionTransport open(HttpServerResponse response, McpJsonMapper jsonMapper, String sessionId) {
            response.setChunked(true)
                    .putHeader("Content-Type", TEXT_EVENT_STREAM)
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader(HttpHeaders.MCP_SESSION_ID, sessionId);
            SseSessionTransport transport = new SseSessionTransport(response, jsonMapper, sessionId);
            response.closeHandler(v -> transport.closed = true);
            return transport;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.defer(() -> {
                if (closed) {
                    return Mono.empty();
                }
                String json;
                try {
                    json = jsonMapper.writeValueAsString(message);
                } catch (java.io.IOException e) {
                    return Mono.error(e);
                }
                String event = "id: " + (messageId != null ? messageId : sessionId) + "\n"
                        + "event: message\n"
                        + "data: " + json + "\n\n";
                return Mono.fromCompletionStage(response.write(event).toCompletionStage())
                        .then();
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return jsonMapper.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(this::close);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            }
        }
    }
}
