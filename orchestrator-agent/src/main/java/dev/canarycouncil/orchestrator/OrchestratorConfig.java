package dev.canarycouncil.orchestrator;

import java.util.List;

import dev.canarycouncil.orchestrator.council.CouncilSettings;

/**
 * What the coordinator needs to know.
 *
 * @param mcpUrl          the MCP server's endpoint, e.g. {@code http://mcp-tools:8090/mcp}
 * @param memberCardUrls  the agent card URLs of the council's members (specialists and the issue writer)
 */
public record OrchestratorConfig(String mcpUrl, List<String> memberCardUrls, CouncilSettings council) {

    public OrchestratorConfig {
        memberCardUrls = List.copyOf(memberCardUrls);
    }
}
