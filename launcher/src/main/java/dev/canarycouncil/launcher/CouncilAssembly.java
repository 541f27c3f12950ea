package dev.canarycouncil.launcher;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.issuewriter.IssueWriterService;
import dev.canarycouncil.loganalyst.LogAnalyst;
import dev.canarycouncil.loganalyst.LogAnalystService;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.metrics.MetricsAgent;
import dev.canarycouncil.metrics.MetricsAgentService;
import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.orchestrator.OrchestratorConfig;
import dev.canarycouncil.orchestrator.OrchestratorService;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts each part of the council on its own port: the same code runs one part per process in
 * production and every part in one JVM for the local default. Parts only know each other's URLs.
 */
final class CouncilAssembly {

    static final String MCP_TOOLS = "mcp-tools";
    static final List<String> AGENT_NAMES =
            List.of(OrchestratorService.NAME, LogAnalyst.NAME, MetricsAgent.NAME, IssueWriterService.NAME, MCP_TOOLS);

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final String host;
    private final A2aServerSettings settings;
    private final MetricSetChoice metricSet;
    private final ModelConfig models;
    private final GateSettings gate;
    private final OptionalInt gatePort;
    private final HistorySettings history;

    CouncilAssembly(
            Vertx vertx, String host, A2aServerSettings settings, MetricSetChoice metricSet, ModelConfig models) {
        this(
                vertx,
                host,
                settings,
                metricSet,
                models,
                GateSettings.defaults(),
                OptionalInt.empty(),
                HistorySettings.inMemory());
    }

    private CouncilAssembly(
            Vertx vertx,
            String host,
            A2aServerSettings settings,
            MetricSetChoice metricSet,
            ModelConfig models,
            GateSettings gate,
            OptionalInt gatePort,
            HistorySettings history) {
        this.history = history;
        this.vertx = vertx;
        this.host = host;
        this.settings = settings;
        this.metricSet = metricSet;
        this.models = models;
        this.gate = gate;
        this.gatePort = gatePort;
    }

    /** This assembly with the orchestrator's controller endpoints served as {@code gate} says, on {@code port} when given. */
    CouncilAssembly withGate(GateSettings newGate, OptionalInt port) {
        return new CouncilAssembly(vertx, host, settings, metricSet, models, newGate, port, history);
    }

    /** This assembly with the orchestrator keeping its analyses where {@code where} says (in memory otherwise). */
    CouncilAssembly withHistory(HistorySettings where) {
        return new CouncilAssembly(vertx, host, settings, metricSet, models, gate, gatePort, where);
    }

    /** With one metric set, compared as it is, whatever series the canary has. */
    CouncilAssembly(Vertx vertx, String host, A2aServerSettings settings, MetricSet metricSet, ModelConfig models) {
        this(vertx, host, settings, new MetricSetChoice.Configured(metricSet, "given"), models);
    }

    /** What every agent part demands of callers; empty when authentication is off. */
    Optional<dev.canarycouncil.runtime.a2a.auth.AgentSecret> secret() {
        return settings.auth().map(ServerAuth::secret);
    }

    /** A client of the council's MCP server, presenting the shared token when authentication is on. */
    McpToolClient mcpClient(String mcpUrl) {
        return new McpToolClient(mcpUrl, TOOL_TIMEOUT, settings.auth().map(ServerAuth::secret));
    }

    StartedPart mcpTools(int port, ToolBackends backends) {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, host, port);
        McpToolServer server = new McpToolServer(backends, TOOL_TIMEOUT);
        server.mount(endpoint.router(), settings.auth());
        return new StartedPart(MCP_TOOLS, endpoint, server);
    }

    StartedPart logAnalyst(int port, String publicUrl, String mcpUrl) {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, host, port);
        McpToolClient tools = mcpClient(mcpUrl);
        var server = LogAnalystService.mount(endpoint.router(), urlOr(publicUrl, endpoint), tools, settings, models);
        return new StartedPart(LogAnalyst.NAME, endpoint, () -> {
            server.close();
            tools.close();
        });
    }

    StartedPart metricsAgent(int port, String publicUrl, String mcpUrl) {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, host, port);
        McpToolClient tools = mcpClient(mcpUrl);
        var server = MetricsAgentService.mount(
                endpoint.router(), urlOr(publicUrl, endpoint), tools, metricSet, settings, models);
        return new StartedPart(MetricsAgent.NAME, endpoint, () -> {
            server.close();
            tools.close();
        });
    }

    /** @param mcpUrl the MCP server, for quoting suspect code; null to draft without code */
    StartedPart issueWriter(int port, String publicUrl, IssueWriterConfig config, String mcpUrl) {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, host, port);
        McpToolClient code = mcpUrl == null ? null : mcpClient(mcpUrl);
        var agent = IssueWriterService.mount(
                endpoint.router(), urlOr(publicUrl, endpoint), config.withModels(models), code, settings);
        return new StartedPart(IssueWriterService.NAME, endpoint, () -> {
            agent.close();
            if (code != null) {
                code.close();
            }
        });
    }

    StartedPart orchestrator(
            int port, String publicUrl, String mcpUrl, MemberOptions.Resolved members, CouncilSettings council) {
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, host, port);
        Optional<HttpEndpoint> gateEndpoint = Optional.empty();
        try {
            if (gatePort.isPresent()) {
                gateEndpoint = Optional.of(HttpEndpoint.start(vertx, host, gatePort.getAsInt()));
            }
            OrchestratorService service = OrchestratorService.mount(
                    endpoint.router(),
                    gateEndpoint.map(HttpEndpoint::router).orElse(endpoint.router()),
                    urlOr(publicUrl, endpoint),
                    new OrchestratorConfig(
                            mcpUrl,
                            members.members(),
                            council,
                            models,
                            members.trackRecords(),
                            members.discovery(),
                            gate,
                            history),
                    settings);
            return new StartedPart(OrchestratorService.NAME, endpoint, service, gateEndpoint);
        } catch (RuntimeException e) {
            endpoint.close();
            gateEndpoint.ifPresent(HttpEndpoint::close);
            throw e;
        }
    }

    private static String urlOr(String publicUrl, HttpEndpoint endpoint) {
        return publicUrl == null || publicUrl.isBlank() ? endpoint.baseUrl() : publicUrl;
    }
}
