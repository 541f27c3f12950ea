package dev.canarycouncil.runtime.llm;

import dev.langchain4j.mcp.McpToolProvider;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolProvider;

import java.time.Duration;
import java.util.List;

/**
 * Our MCP server's read-only tools, offered to a reviewing model through langchain4j's MCP client.
 * Connects on first use, so an agent starts even while the MCP server is still coming up.
 */
public final class McpToolAccess implements AutoCloseable {

    /** The protocol revision our MCP server (Java MCP SDK 2.1) and langchain4j-mcp agree on. */
    static final String PROTOCOL_VERSION = "2025-11-25";

    private final String mcpUrl;
    private final List<String> toolNames;
    private final Duration toolTimeout;
    private McpClient client;

    /** @param toolNames the tools this agent's model may call */
    public McpToolAccess(String mcpUrl, List<String> toolNames, Duration toolTimeout) {
        this.mcpUrl = mcpUrl;
        this.toolNames = List.copyOf(toolNames);
        this.toolTimeout = toolTimeout;
    }

    public List<String> toolNames() {
        return toolNames;
    }

    public synchronized ToolProvider provider() {
        if (client == null) {
            client = DefaultMcpClient.builder()
                    .clientName("canary-council")
                    .protocolVersion(PROTOCOL_VERSION)
                    .transport(StreamableHttpMcpTransport.builder().url(mcpUrl).timeout(toolTimeout).build())
                    .initializationTimeout(toolTimeout)
                    .toolExecutionTimeout(toolTimeout)
                    .autoHealthCheck(false)
                    .build();
        }
        return McpToolProvider.builder().mcpClients(client).filterToolNames(toolNames).build();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing a session to a server that may already be gone
            }
            client = null;
        }
    }
}
