package dev.canarycouncil.launcher;

import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.ToolBackends;
import picocli.CommandLine.Mixin;

/**
 * Where the MCP tools get their answers, for every command that starts them: a recording or a
 * live cluster, with metrics from a Prometheus and code from GitHub or a checkout when given.
 */
final class ToolSourceOptions {

    @Mixin
    RecordingOption recording;

    @Mixin
    PrometheusOption prometheus;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    CodeOptions code;

    void requireAtMostOneSource() {
        if (recording.given() && cluster.given()) {
            throw new UsageException("give either --recording or a live cluster, not both");
        }
    }

    /** The tools over a recorded rollout. */
    ToolBackends recorded(RecordedRollout rollout) {
        return code.apply(prometheus.apply(RecordingOption.backends(rollout), rollout));
    }

    /** The tools over the live cluster; {@code defaultNamespace} is allowed when no --namespaces was given. */
    ToolBackends live(String defaultNamespace) {
        return code.apply(cluster.backends(prometheus, defaultNamespace));
    }
}
