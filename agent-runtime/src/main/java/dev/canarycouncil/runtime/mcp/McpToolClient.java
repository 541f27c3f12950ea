package dev.canarycouncil.runtime.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.http.Failures;
import dev.canarycouncil.runtime.http.HttpLimits;
import dev.canarycouncil.runtime.http.OutboundHttp;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.text.Texts;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Calls tools on an MCP server over Streamable HTTP. Connects on first use and reconnects after a
 * failure, so an agent that starts before its MCP server still works once the server is up.
 * Tool results are read from their structured content, falling back to JSON in the text content.
 */
public final class McpToolClient implements AutoCloseable {

    private final String baseUrl;
    private final String endpoint;
    private final Duration requestTimeout;
    private final Optional<AgentSecret> credential;
    private McpSyncClient client;

    /** A client for a server without authentication. */
    public McpToolClient(String mcpUrl, Duration requestTimeout) {
        this(mcpUrl, requestTimeout, Optional.empty());
    }

    /**
     * @param mcpUrl          the server's MCP endpoint, e.g. {@code http://127.0.0.1:8090/mcp}
     * @param requestTimeout  limit for one tool call
     * @param credential      the council's shared token, sent as a bearer token on every request when present
     */
    public McpToolClient(String mcpUrl, Duration requestTimeout, Optional<AgentSecret> credential) {
        this.credential = credential;
        java.net.URI uri = java.net.URI.create(mcpUrl);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mcp" : uri.getRawPath();
        this.baseUrl = uri.getScheme() + "://" + uri.getRawAuthority();
        this.endpoint = path;
        this.requestTimeout = requestTimeout;
    }

    public String url() {
        return baseUrl + endpoint;
    }

    /** What this client presents to the server, for other clients of the same server (a model's tool access). */
    public Optional<AgentSecret> credential() {
        return credential;
    }

    /**
     * Calls {@code tool} and returns its structured result.
     *
     * @throws ToolCallException when the call fails or the tool reports an error
     */
    public JsonNode call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result;
        try {
            result = connected().callTool(new McpSchema.CallToolRequest(tool, arguments));
        } catch (RuntimeException e) {
            reset();
            throw new ToolCallException(
                    tool, "MCP tool " + tool + " at " + url() + " could not be called: " + Failures.describe(e), e);
        }
        if (Boolean.TRUE.equals(result.isError())) {
            String error = text(result);
            throw new ToolCallException(
                    tool, "MCP tool " + tool + " failed: " + error, ToolCallException.Reason.of(error));
        }
        if (result.structuredContent() != null) {
            return Json.mapper().valueToTree(result.structuredContent());
        }
        String text = text(result);
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ToolCallException(
                    tool, "MCP tool " + tool + " returned no JSON: " + Texts.abbreviate(text, 201), e);
        }
    }

    private synchronized McpSyncClient connected() {
        if (client == null) {
            HttpLimits limits = HttpLimits.of(Duration.ofSeconds(5), requestTimeout);
            HttpClientStreamableHttpTransport.Builder builder = HttpClientStreamableHttpTransport.builder(baseUrl)
                    .endpoint(endpoint)
                    .clientBuilder(OutboundHttp.clientBuilder(limits))
                    .connectTimeout(limits.connectTimeout())
                    .maxResponseSize((int) limits.maxResponseBytes());
            credential.ifPresent(secret -> builder.httpRequestCustomizer((request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + secret.reveal())));
            HttpClientStreamableHttpTransport transport = builder.build();
            McpSyncClient candidate = McpClient.sync(transport)
                    .clientInfo(new McpSchema.Implementation("canary-council", "0.1.0"))
                    .requestTimeout(requestTimeout)
                    .initializationTimeout(Duration.ofSeconds(10))
                    .build();
            try {
                candidate.initialize();
            } catch (RuntimeException e) {
                candidate.close();
                throw e;
            }
            client = candidate;
        }
        return client;
    }

    private synchronized void reset() {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // Already broken; nothing more to release.
            }
            client = null;
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        StringBuilder text = new StringBuilder();
        if (result.content() != null) {
            for (McpSchema.Content content : result.content()) {
                if (content instanceof McpSchema.TextContent t) {
                    text.append(t.text());
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        reset();
    }
}
