package dev.canarycouncil.loganalyst;

import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.SpecialistWork;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import io.vertx.ext.web.Router;

/** Assembles the log analyst as an A2A agent on a router. */
public final class LogAnalystService {

    private LogAnalystService() {
    }

    public static A2aAgentServer mount(Router router, String publicUrl, McpToolClient tools, A2aServerSettings settings) {
        LogAnalyst analyst = new LogAnalyst(new LogCollector(tools), new FirstLogJudge(LogAnalyst.NAME));
        return AgentHosting.host(router, LogAnalyst.NAME, publicUrl, new SpecialistWork(analyst), settings);
    }
}
