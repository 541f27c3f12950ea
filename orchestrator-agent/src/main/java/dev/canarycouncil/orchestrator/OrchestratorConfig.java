package dev.canarycouncil.orchestrator;

import java.util.List;

import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.llm.ModelConfig;

/**
 * What the coordinator needs to know.
 *
 * @param mcpUrl          the MCP server's endpoint, e.g. {@code http://mcp-tools:8090/mcp}
 * @param memberCardUrls  the agent card URLs of the council's members (specialists and the issue writer)
 * @param council         how findings are weighed
 * @param models          the coordinator's model and the analysis' token budget
 */
public record OrchestratorConfig(String mcpUrl, List<String> memberCardUrls, CouncilSettings council, ModelConfig models) {

    public OrchestratorConfig {
        memberCardUrls = List.copyOf(memberCardUrls);
        models = models == null ? ModelConfig.none() : models;
    }

    /** A coordinator without models. */
    public OrchestratorConfig(String mcpUrl, List<String> memberCardUrls, CouncilSettings council) {
        this(mcpUrl, memberCardUrls, council, ModelConfig.none());
    }
}
