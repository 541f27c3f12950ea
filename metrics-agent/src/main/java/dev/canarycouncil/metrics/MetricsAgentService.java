package dev.canarycouncil.metrics;

import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.SpecialistWork;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import io.vertx.ext.web.Router;

/** Assembles the metrics agent as an A2A agent on a router. */
public final class MetricsAgentService {

    private MetricsAgentService() {
    }

    public static A2aAgentServer mount(Router router, String publicUrl, McpToolClient tools, MetricSet metrics,
                                       A2aServerSettings settings) {
        MetricsAgent agent = new MetricsAgent(new MetricsJudge(MetricsAgent.NAME, tools, metrics));
        return AgentHosting.host(router, MetricsAgent.NAME, publicUrl, new SpecialistWork(agent), settings);
    }
}
