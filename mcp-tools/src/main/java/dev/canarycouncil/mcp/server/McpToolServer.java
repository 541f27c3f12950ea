package dev.canarycouncil.mcp.server;

import dev.canarycouncil.mcp.code.CodeBackend;
import dev.canarycouncil.mcp.code.CodeSources;
import dev.canarycouncil.mcp.code.CodeTools;
import dev.canarycouncil.mcp.kubernetes.ClusterBackend;
import dev.canarycouncil.mcp.kubernetes.KubernetesTools;
import dev.canarycouncil.mcp.prometheus.MetricsBackend;
import dev.canarycouncil.mcp.prometheus.PrometheusTools;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The MCP server of the council: every tool, over the configured backends, on {@code /mcp}. */
public final class McpToolServer implements AutoCloseable {

    public static final String PATH = "/mcp";

    private final McpSyncServer server;
    private final VertxStreamableServerTransport transport;

    /**
     * Browsers may call only from loopback pages (any port), which stops a web page from driving the
     * tools through DNS rebinding; clients that send no Origin (every agent) pass. The Host is not
     * pinned: in a cluster the server is reached by Service names we cannot know here.
     */
    private static final ServerTransportSecurityValidator LOOPBACK_ORIGINS_ONLY =
            DefaultServerTransportSecurityValidator.builder()
                    .allowedOrigins(List.of(
                            "http://localhost:*",
                            "https://localhost:*",
                            "http://127.0.0.1:*",
                            "https://127.0.0.1:*",
                            "http://[::1]:*",
                            "https://[::1]:*"))
                    .build();

    public McpToolServer(ToolBackends backends, Duration toolTimeout) {
        this(backends.cluster(), backends.metrics(), backends.code(), toolTimeout);
    }

    public McpToolServer(ClusterBackend cluster, MetricsBackend metrics, CodeBackend code, Duration toolTimeout) {
        this(cluster, metrics, CodeSources.only(code, "one repository"), toolTimeout);
    }

    public McpToolServer(ClusterBackend cluster, MetricsBackend metrics, CodeSources code, Duration toolTimeout) {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        this.transport = new VertxStreamableServerTransport(mapper, PATH, LOOPBACK_ORIGINS_ONLY, 4L * 1024 * 1024);
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.addAll(new KubernetesTools(cluster).specifications());
        tools.addAll(new PrometheusTools(metrics).specifications());
        tools.addAll(new CodeTools(code).specifications());
        this.server = McpServer.sync(transport)
                .serverInfo("canary-council-tools", "0.1.0")
                .instructions("Read-only tools over the cluster, Prometheus and source code of a canary release.")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(toolTimeout)
                .tools(tools)
                .build();
    }

    /** Serves the tools at {@value #PATH}, open to any caller the origin policy lets in. */
    public void mount(Router router) {
        mount(router, Optional.empty());
    }

    /**
     * Serves the tools at {@value #PATH}; with {@code auth}, a request without the council's token
     * is refused with 401 before its body is read, whatever its method.
     */
    public void mount(Router router, Optional<ServerAuth> auth) {
        auth.ifPresent(a -> router.route(PATH).order(-1).handler(a.guard()));
        transport.mount(router);
    }

    public List<String> toolNames() {
        return server.listTools().stream().map(McpSchema.Tool::name).toList();
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
