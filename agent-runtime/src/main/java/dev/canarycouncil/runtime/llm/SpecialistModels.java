package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import java.time.Duration;
import java.util.List;

/**
 * Wraps a specialist with its model review when the configuration gives it a model, and owns
 * what the review needs (the model session, the MCP session for tools).
 */
public final class SpecialistModels implements AutoCloseable {

    private final ModelSession session;
    private final McpToolAccess tools;
    private final Specialist specialist;

    /**
     * @param role       one sentence on what this agent judges, for the model
     * @param mcpTools   the agent's MCP client, whose server and credential the model's tools use; null to review without tools
     * @param toolNames  the read-only tools the model may call
     */
    public SpecialistModels(
            Specialist deterministic, ModelConfig config, String role, McpToolClient mcpTools, List<String> toolNames) {
        var settings = config.forAgent(deterministic.name());
        if (settings.isEmpty()) {
            session = null;
            tools = null;
            specialist = deterministic;
            return;
        }
        tools = mcpTools == null || toolNames.isEmpty()
                ? null
                : McpToolAccess.of(mcpTools, toolNames, Duration.ofSeconds(15));
        session = config.session(
                        deterministic.name(), tools == null || settings.get().schemaWithTools())
                .orElseThrow();
        specialist = new ReviewedSpecialist(
                deterministic, new ModelReviewer(deterministic.name(), role, session, tools, config.tokenBudget()));
    }

    public Specialist specialist() {
        return specialist;
    }

    @Override
    public void close() {
        if (tools != null) {
            tools.close();
        }
        if (session != null) {
            session.close();
        }
    }
}
