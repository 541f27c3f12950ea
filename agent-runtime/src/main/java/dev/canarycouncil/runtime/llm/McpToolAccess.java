package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.langchain4j.mcp.McpToolProvider;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our MCP server's read-only tools, offered to a reviewing model through langchain4j's MCP client.
 * Connects on first use, so an agent starts even while the MCP server is still coming up.
 */
public final class McpToolAccess implements AutoCloseable {

    /** The protocol revision our MCP server (Java MCP SDK 2.1) and langchain4j-mcp agree on. */
    static final String PROTOCOL_VERSION = "2025-11-25";

    private final String mcpUrl;
    private final Optional<AgentSecret> credential;
    private final List<String> toolNames;
    private final Duration toolTimeout;
    private McpClient client;

    /**
     * @param credential the council's shared token, sent as a bearer token when present
     * @param toolNames  the tools this agent's model may call
     */
    public McpToolAccess(
            String mcpUrl, Optional<AgentSecret> credential, List<String> toolNames, Duration toolTimeout) {
        this.mcpUrl = mcpUrl;
        this.credential = credential;
        this.toolNames = List.copyOf(toolNames);
        this.toolTimeout = toolTimeout;
    }

    /** The same server as the agent's own tool client, with the same credential. */
    public static McpToolAccess of(McpToolClient tools, List<String> toolNames, Duration toolTimeout) {
        return new McpToolAccess(tools.url(), tools.credential(), toolNames, toolTimeout);
    }

    public List<String> toolNames() {
        return toolNames;
    }

    public synchronized ToolProvider provider() {
        if (client == null) {
            client = DefaultMcpClient.builder()
                    .clientName("canary-council")
                    .protocolVersion(PROTOCOL_VERSION)
                    .transport(StreamableHttpMcpTransport.builder()
                            .url(mcpUrl)
                            .timeout(toolTimeout)
                            .customHeaders(credential
                                    .map(secret -> Map.of("Authorization", "Bearer " + secret.reveal()))
                                    .orElse(Map.of()))
                            .build())
                    .initializationTimeout(toolTimeout)
                    .toolExecutionTimeout(toolTimeout)
                    .autoHealthCheck(false)
                    .build();
        }
        return McpToolProvider.builder()
                .mcpClients(client)
                .filterToolNames(toolNames)
                .build();
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
