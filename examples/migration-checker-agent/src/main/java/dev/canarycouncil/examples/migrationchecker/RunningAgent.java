package dev.canarycouncil.examples.migrationchecker;

import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** The agent started on its own port, with everything it owns, stopped in one go. */
public record RunningAgent(Vertx vertx, HttpEndpoint endpoint, A2aAgentServer server, McpToolClient tools)
        implements AutoCloseable {

    /** {@code http://host:port}; a wildcard bind address is shown as loopback. */
    public String url() {
        return endpoint.baseUrl();
    }

    public String cardUrl() {
        return url() + A2aAgentServer.CARD_PATH;
    }

    @Override
    public void close() {
        endpoint.close();
        server.close();
        tools.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // Stopping anyway; nothing is left to release.
        }
    }
}
