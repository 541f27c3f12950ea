package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.mining.RateComparison;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.SpecialistWork;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.redaction.Redactor;
import io.vertx.ext.web.Router;

/** Assembles the log analyst as an A2A agent on a router. */
public final class LogAnalystService {

    private LogAnalystService() {
    }

    public static LogAnalyst analyst(McpToolClient tools) {
        return new LogAnalyst(new LogCollector(tools), new LogJudge(LogAnalyst.NAME, RateComparison.defaults()),
                new FindingRedactor(new Redactor()), IngestLimits.defaults());
    }

    public static A2aAgentServer mount(Router router, String publicUrl, McpToolClient tools, A2aServerSettings settings) {
        return AgentHosting.host(router, LogAnalyst.NAME, publicUrl, new SpecialistWork(analyst(tools)), settings);
    }
}
