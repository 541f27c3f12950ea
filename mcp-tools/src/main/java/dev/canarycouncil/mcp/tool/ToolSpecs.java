package dev.canarycouncil.mcp.tool;

import dev.canarycouncil.runtime.json.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds read-only tool specifications whose handlers return structured JSON (plus the same JSON
 * as text for clients that only read text) and turn failures into MCP tool errors, never into
 * stack traces.
 */
public final class ToolSpecs {

    private static final Logger LOG = LoggerFactory.getLogger(ToolSpecs.class);

    private ToolSpecs() {}

    /** One property of a tool's input schema. */
    public record Param(String name, String type, String description, boolean required) {

        public static Param required(String name, String type, String description) {
            return new Param(name, type, description, true);
        }

        public static Param optional(String name, String type, String description) {
            return new Param(name, type, description, false);
        }
    }

    /**
     * @param handler returns a value serialised as the result's structured content (a JSON object)
     */
    public static SyncToolSpecification readOnly(
            String name, String description, List<Param> params, Function<ToolArguments, Object> handler) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new java.util.ArrayList<>();
        for (Param p : params) {
            properties.put(
                    p.name(),
                    "array".equals(p.type())
                            ? Map.of("type", "array", "items", Map.of("type", "string"), "description", p.description())
                            : Map.of("type", p.type(), "description", p.description()));
            if (p.required()) {
                required.add(p.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(name, handler, request.arguments()))
                .build();
    }

    static McpSchema.CallToolResult call(
            String name, Function<ToolArguments, Object> handler, Map<String, Object> args) {
        try {
            Object value = handler.apply(new ToolArguments(args));
            Map<String, Object> structured = Json.mapper()
                    .convertValue(value, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
            return McpSchema.CallToolResult.builder()
                    .structuredContent(structured)
                    .addTextContent(Json.mapper().writeValueAsString(structured))
                    .isError(false)
                    .build();
        } catch (ToolException e) {
            return error(e.clientText());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warn("Tool {} failed unexpectedly", name, e);
            return error("[" + ToolException.Kind.INTERNAL.label() + "] " + name + " failed: " + e.getMessage());
        }
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(text)
                .isError(true)
                .build();
    }
}
