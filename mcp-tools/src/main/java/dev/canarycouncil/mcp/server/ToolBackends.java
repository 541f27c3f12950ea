package dev.canarycouncil.mcp.server;

import dev.canarycouncil.mcp.code.CodeBackend;
import dev.canarycouncil.mcp.code.CodeSources;
import dev.canarycouncil.mcp.code.LocalRepositoryCodeBackend;
import dev.canarycouncil.mcp.code.NoCodeBackend;
import dev.canarycouncil.mcp.kubernetes.ClusterBackend;
import dev.canarycouncil.mcp.prometheus.MetricsBackend;
import dev.canarycouncil.mcp.prometheus.NoMetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedClusterBackend;
import dev.canarycouncil.mcp.recorded.RecordedMetricsBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import java.util.Objects;

/** The backends behind the MCP tools: where cluster state, metrics and source code come from. */
public record ToolBackends(ClusterBackend cluster, MetricsBackend metrics, CodeSources code, String description) {

    /** Everything answered from one recorded rollout. */
    public static ToolBackends recorded(RecordedRollout recording) {
        CodeBackend code = recording.repository() == null
                ? new NoCodeBackend()
                : new LocalRepositoryCodeBackend(recording.repository());
        MetricsBackend metrics = recording.hasMetrics()
                ? new RecordedMetricsBackend(recording)
                : new NoMetricsBackend("the recording has no metrics.om: it was made without a metrics source");
        return new ToolBackends(
                new RecordedClusterBackend(recording),
                metrics,
                CodeSources.only(code, "the recording's repository"),
                "recording " + recording.directory());
    }

    /**
     * Backends over live systems, e.g. a
     * {@link dev.canarycouncil.mcp.kubernetes.live.KubernetesClusterBackend} and a Prometheus.
     *
     * @param code        the source repository, or null when none is configured (the code tools then say so)
     * @param description where the answers come from, for logs and the server's instructions; never a credential
     */
    public static ToolBackends live(
            ClusterBackend cluster, MetricsBackend metrics, CodeBackend code, String description) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(metrics, "metrics");
        return new ToolBackends(
                cluster,
                metrics,
                CodeSources.only(code == null ? new NoCodeBackend() : code, "one repository"),
                description);
    }

    /**
     * These backends with metrics answered elsewhere, e.g. by a Prometheus holding the recording's
     * series, so one recording can be replayed against a real PromQL engine.
     *
     * @param metricsDescription where the metrics now come from, e.g. {@code Prometheus at http://127.0.0.1:9090};
     *                           appended to the current description: {@code recording X, metrics from Prometheus at ...}
     */
    public ToolBackends withMetrics(MetricsBackend metrics, String metricsDescription) {
        return new ToolBackends(cluster, metrics, code, description + ", metrics from " + metricsDescription);
    }

    /**
     * These backends with source code read elsewhere, e.g. by a
     * {@link dev.canarycouncil.mcp.code.github.GitHubCodeBackend} over the service's repository on GitHub.
     *
     * @param codeDescription where the code now comes from, e.g. {@code GitHub repository acme/checkout};
     *                        appended to the current description; never a credential
     */
    public ToolBackends withCode(CodeBackend code, String codeDescription) {
        Objects.requireNonNull(code, "code");
        return withCode(CodeSources.only(code, codeDescription), codeDescription);
    }

    /** These backends with source code from several repositories, e.g. the configured GitHub repository and its allow-list. */
    public ToolBackends withCode(CodeSources code, String codeDescription) {
        Objects.requireNonNull(code, "code");
        return new ToolBackends(cluster, metrics, code, description + ", code from " + codeDescription);
    }
}
