package dev.canarycouncil.metrics;

import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.HostedAgent;
import dev.canarycouncil.runtime.agent.SpecialistWork;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.llm.SpecialistModels;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import io.vertx.ext.web.Router;
import java.util.List;

/** Assembles the metrics agent as an A2A agent on a router. */
public final class MetricsAgentService {

    private MetricsAgentService() {}

    public static A2aAgentServer mount(
            Router router, String publicUrl, McpToolClient tools, MetricSetChoice metrics, A2aServerSettings settings) {
        MetricsAgent agent = new MetricsAgent(new MetricsJudge(MetricsAgent.NAME, tools, metrics));
        return AgentHosting.host(router, MetricsAgent.NAME, publicUrl, new SpecialistWork(agent), settings);
    }

    /** What the metrics agent's model is told it judges. */
    public static final String MODEL_ROLE =
            "You judge the canary's Prometheus metrics (error ratio, latency, CPU, memory, "
                    + "restarts) against the stable's.";
    /** The read-only tools its model may call to look beyond the digest. */
    public static final List<String> MODEL_TOOLS = List.of("promql_query", "promql_query_range");

    /** The metrics agent with a model review when {@code models} gives it a model. */
    public static HostedAgent mount(
            Router router,
            String publicUrl,
            McpToolClient tools,
            MetricSetChoice metrics,
            A2aServerSettings settings,
            ModelConfig models) {
        MetricsAgent agent = new MetricsAgent(new MetricsJudge(MetricsAgent.NAME, tools, metrics));
        SpecialistModels reviewed = new SpecialistModels(agent, models, MODEL_ROLE, tools, MODEL_TOOLS);
        return new HostedAgent(
                AgentHosting.host(
                        router, MetricsAgent.NAME, publicUrl, new SpecialistWork(reviewed.specialist()), settings),
                reviewed);
    }
}
