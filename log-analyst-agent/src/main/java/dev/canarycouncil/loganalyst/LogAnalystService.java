package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.mining.RateComparison;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.HostedAgent;
import dev.canarycouncil.runtime.agent.SpecialistWork;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.llm.SpecialistModels;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.redaction.Redactor;
import io.vertx.ext.web.Router;
import java.util.List;

/** Assembles the log analyst as an A2A agent on a router. */
public final class LogAnalystService {

    private LogAnalystService() {}

    public static LogAnalyst analyst(McpToolClient tools) {
        return new LogAnalyst(
                new LogCollector(tools),
                new LogJudge(LogAnalyst.NAME, RateComparison.defaults()),
                new FindingRedactor(new Redactor()),
                IngestLimits.defaults());
    }

    public static A2aAgentServer mount(
            Router router, String publicUrl, McpToolClient tools, A2aServerSettings settings) {
        return AgentHosting.host(router, LogAnalyst.NAME, publicUrl, new SpecialistWork(analyst(tools)), settings);
    }

    /** What the log analyst's model is told it judges. */
    public static final String MODEL_ROLE = "You judge the canary's logs, pod states and events against the stable's.";
    /** The read-only tools its model may call to look beyond the digest. */
    public static final List<String> MODEL_TOOLS =
            List.of("get_pod_logs", "get_pod_status", "list_events", "list_pods");

    /** The log analyst with a model review when {@code models} gives it a model. */
    public static HostedAgent mount(
            Router router, String publicUrl, McpToolClient tools, A2aServerSettings settings, ModelConfig models) {
        SpecialistModels reviewed = new SpecialistModels(analyst(tools), models, MODEL_ROLE, tools, MODEL_TOOLS);
        return new HostedAgent(
                AgentHosting.host(
                        router, LogAnalyst.NAME, publicUrl, new SpecialistWork(reviewed.specialist()), settings),
                reviewed);
    }
}
