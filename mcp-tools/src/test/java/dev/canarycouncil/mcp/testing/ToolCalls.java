package dev.canarycouncil.mcp.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Tool calls through the official MCP client, as tests make them: an answer, or an expected error's text. */
public final class ToolCalls {

    private ToolCalls() {}

    /** The tool's structured answer; fails the test when the tool reports an error. */
    public static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> tool + " failed: " + result.content());
        return Json.mapper().valueToTree(result.structuredContent());
    }

    /** The text of the tool's error; fails the test when the tool answers. */
    public static String error(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertTrue(Boolean.TRUE.equals(result.isError()), () -> tool + " should have failed");
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
