package dev.canarycouncil.orchestrator;

import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.orchestrator.members.MemberDiscovery;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.llm.ModelConfig;
import java.util.List;

/**
 * What the coordinator needs to know.
 *
 * @param mcpUrl        the MCP server's endpoint, e.g. {@code http://mcp-tools:8090/mcp}
 * @param members       the council's members (specialists, plug-ins and the issue writer) and how often their cards are re-read
 * @param council       how findings are weighed
 * @param models        the coordinator's model and the analysis' token budget
 * @param trackRecords  members' measured records, used as vote strengths; {@link TrackRecords#none()} for self-reported confidence
 * @param discovery     finds more members at run time (labelled Kubernetes Services); null for none
 * @param gate          how the controller endpoints are served: the plugin endpoint, analysis limits, the gate token
 * @param history       where every analysis is kept; in memory unless given
 */
public record OrchestratorConfig(
        String mcpUrl,
        MembersConfig members,
        CouncilSettings council,
        ModelConfig models,
        TrackRecords trackRecords,
        MemberDiscovery discovery,
        GateSettings gate,
        HistorySettings history) {

    public OrchestratorConfig {
        history = history == null ? HistorySettings.inMemory() : history;
        models = models == null ? ModelConfig.none() : models;
        trackRecords = trackRecords == null ? TrackRecords.none() : trackRecords;
        gate = gate == null ? GateSettings.defaults() : gate;
    }

    public OrchestratorConfig(String mcpUrl, List<String> memberCardUrls, CouncilSettings council, ModelConfig models) {
        this(
                mcpUrl,
                MembersConfig.of(memberCardUrls),
                council,
                models,
                TrackRecords.none(),
                null,
                GateSettings.defaults(),
                HistorySettings.inMemory());
    }

    /** A coordinator without models. */
    public OrchestratorConfig(String mcpUrl, List<String> memberCardUrls, CouncilSettings council) {
        this(mcpUrl, memberCardUrls, council, ModelConfig.none());
    }
}
