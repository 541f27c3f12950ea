package dev.canarycouncil.mcp.server;

import dev.canarycouncil.mcp.code.CodeBackend;
import dev.canarycouncil.mcp.code.LocalRepositoryCodeBackend;
import dev.canarycouncil.mcp.code.NoCodeBackend;
import dev.canarycouncil.mcp.kubernetes.ClusterBackend;
import dev.canarycouncil.mcp.prometheus.MetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedClusterBackend;
import dev.canarycouncil.mcp.recorded.RecordedMetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;

/** The backends behind the MCP tools: where cluster state, metrics and source code come from. */
public record ToolBackends(ClusterBackend cluster, MetricsBackend metrics, CodeBackend code, String description) {

    /** Everything answered from one recorded rollout. */
    public static ToolBackends recorded(RecordedRollout recording) {
        CodeBackend code = recording.repository() == null ? new NoCodeBackend()
                : new LocalRepositoryCodeBackend(recording.repository());
        return new ToolBackends(new RecordedClusterBackend(recording), new RecordedMetricsBackend(recording), code,
                "recording " + recording.directory());
    }
}
