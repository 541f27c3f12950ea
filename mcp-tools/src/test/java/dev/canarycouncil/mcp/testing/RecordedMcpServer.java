package dev.canarycouncil.mcp.testing;

import dev.canarycouncil.mcp.recorded.RecordedClusterBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.InlineLogs;
import dev.canarycouncil.runtime.tools.RolloutPods;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** The real MCP server over one recording, on a free port, for agents' tests. */
public final class RecordedMcpServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpEndpoint endpoint;
    private final McpToolServer server;
    private final RecordedRollout recording;

    public RecordedMcpServer(Path recordingDir) {
        this.recording = RecordedRollout.load(recordingDir);
        this.vertx = Vertx.vertx();
        this.endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        this.server = new McpToolServer(ToolBackends.recorded(recording), Duration.ofSeconds(30));
        server.mount(endpoint.router());
    }

    public String mcpUrl() {
        return endpoint.baseUrl() + McpToolServer.PATH;
    }

    public McpToolClient client() {
        return new McpToolClient(mcpUrl(), Duration.ofSeconds(30));
    }

    public RecordedRollout recording() {
        return recording;
    }

    /** What the orchestrator would send a specialist for this recording's canary. */
    public AnalysisRequest analysisRequest(InlineLogs inlineLogs) {
        RolloutPods pods = new RecordedClusterBackend(recording)
                .resolve(
                        recording.manifest().namespace(),
                        recording.manifest().canary().podTemplateHash(),
                        null);
        return AnalysisRequest.builder(
                        UUID.randomUUID().toString(), pods.namespace(), pods.canary(), pods.stable(), pods.window())
                .rollout(pods.rollout())
                .service(pods.service())
                .inlineLogs(inlineLogs)
                .build();
    }

    @Override
    public void close() {
        server.close();
        endpoint.close();
        vertx.close();
    }
}
