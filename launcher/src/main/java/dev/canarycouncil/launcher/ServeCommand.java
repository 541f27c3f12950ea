package dev.canarycouncil.launcher;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.issuewriter.IssueWriterService;
import dev.canarycouncil.loganalyst.LogAnalyst;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.metrics.MetricsAgent;
import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.orchestrator.OrchestratorService;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts the council: every part in this JVM (the local default), or one named part per process
 * as in production, where parts find each other by URL.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Start the agents and the MCP server; prints '<name> listening on <url>' per part.",
            "Without --agent every part starts in this JVM on ports --base-port, +1, +2, +3 and +10."
        })
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ToolSourceOptions tools;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    ModelOptions models;

    @Mixin
    IssueFilingOptions issues;

    @Mixin
    HistoryOptions history;

    @Option(
            names = "--agent",
            paramLabel = "NAME",
            description = "Start only this part: orchestrator, log-analyst, metrics-agent, issue-writer or mcp-tools.")
    String agent;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; use 0.0.0.0 in a container).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port of the single part started with --agent (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--base-port",
            defaultValue = "8080",
            description = "First port when every part starts here; 0 picks free ports (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "URL peers reach this part at, written into its agent card (default: http://host:port).")
    String publicUrl;

    @Option(
            names = "--mcp-url",
            paramLabel = "URL",
            defaultValue = "${env:CANARY_COUNCIL_MCP_URL}",
            description = "The MCP server's endpoint, e.g. http://mcp-tools:8090/mcp (env CANARY_COUNCIL_MCP_URL).")
    String mcpUrl;

    @Mixin
    MemberOptions members;

    @Mixin
    AuthOptions auth;

    @Mixin
    GateOptions gate;

    @Option(
            names = "--deadline",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description = "How long the specialists get per analysis (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(
            names = "--close-verified-issues",
            description = "Close a remediation issue once a promoted canary verified its fix (default: label it "
                    + "fix-verified and leave it open; docs/verification.md).")
    boolean closeVerifiedIssues;

    @Option(names = "--verbose", description = "Log debug detail on stderr.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        IssueWriterConfig issueConfig = issues.config(tools.code);
        CouncilSettings council = CouncilSettings.defaults().toBuilder()
                .deadline(deadline)
                .closeVerifiedIssues(closeVerifiedIssues)
                .build();
        // Before any thread starts: a bad file, recording or URL is a usage error.
        MetricSetChoice metricSet = metrics.metricSet();
        ModelConfig modelConfig = models.config();
        tools.requireAtMostOneSource();
        Optional<AgentSecret> secret = auth.secret();
        GateSettings gateSettings = gate.settings();
        HistorySettings historySettings = history.settings();
        OptionalInt gatePort = gate.port();
        int orchestratorPort = agent == null ? basePort : port;
        if (gatePort.isPresent() && gatePort.getAsInt() != 0 && gatePort.getAsInt() == orchestratorPort) {
            throw new UsageException(
                    "--gate-port " + gatePort.getAsInt() + " is the orchestrator's own port; give another, "
                            + "or leave it out to serve the controllers there too");
        }
        MemberOptions.Resolved plugins = members.resolve(secret);
        boolean needsTools = agent == null || agent.equals(CouncilAssembly.MCP_TOOLS);
        ToolBackends backends = null;
        if (needsTools && tools.recording.given()) {
            backends = tools.recorded(tools.recording.load());
        } else if (needsTools && tools.cluster.given()) {
            backends = tools.live(null);
        }
        Vertx vertx = VertxFactory.create(128);
        A2aServerSettings serverSettings = secret.map(
                        s -> A2aServerSettings.defaults().withAuth(ServerAuth.bearer(s)))
                .orElse(A2aServerSettings.defaults());
        CouncilAssembly assembly = new CouncilAssembly(vertx, host, serverSettings, metricSet, modelConfig)
                .withGate(gateSettings, gatePort)
                .withHistory(historySettings);
        List<AutoCloseable> running = new ArrayList<>();
        try {
            if (agent == null) {
                if (backends == null) {
                    throw new UsageException("give --recording DIR to serve a recorded rollout, or a live cluster "
                            + "(--in-cluster, --kubeconfig FILE or --api-url URL, with --namespaces)");
                }
                running.add(LocalCouncil.start(
                        assembly,
                        LocalCouncil.Ports.from(basePort),
                        backends,
                        council,
                        issueConfig,
                        plugins,
                        ServeCommand::announce));
            } else {
                running.add(startOne(assembly, issueConfig, council, backends, plugins));
            }
        } catch (RuntimeException e) {
            closeAll(running, vertx);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            closeAll(running, vertx);
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
        return 0;
    }

    private StartedPart startOne(
            CouncilAssembly assembly,
            IssueWriterConfig issueConfig,
            CouncilSettings council,
            ToolBackends backends,
            MemberOptions.Resolved plugins) {
        StartedPart part = switch (agent) {
            case CouncilAssembly.MCP_TOOLS -> {
                if (backends == null) {
                    throw new UsageException("mcp-tools needs a backend: give --recording DIR, or a live cluster "
                            + "(--in-cluster, --kubeconfig FILE or --api-url URL, with --namespaces)");
                }
                yield assembly.mcpTools(port, backends);
            }
            case LogAnalyst.NAME -> assembly.logAnalyst(port, publicUrl, required(mcpUrl, "--mcp-url"));
            case MetricsAgent.NAME -> assembly.metricsAgent(port, publicUrl, required(mcpUrl, "--mcp-url"));
            // The MCP server is optional here: without it drafts quote no code.
            case IssueWriterService.NAME -> assembly.issueWriter(port, publicUrl, issueConfig, blankToNull(mcpUrl));
            case OrchestratorService.NAME -> {
                if (plugins.members().members().isEmpty() && plugins.discovery() == null) {
                    throw new UsageException("the orchestrator needs its members: give --member CARD_URL for each "
                            + "specialist and the issue writer, or --members-file FILE");
                }
                yield assembly.orchestrator(port, publicUrl, required(mcpUrl, "--mcp-url"), plugins, council);
            }
            default ->
                throw new UsageException("unknown agent '" + agent + "'; choose one of "
                        + String.join(", ", CouncilAssembly.AGENT_NAMES));
        };
        announce(part.announcement());
        return part;
    }

    private static String required(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new UsageException("this part needs " + option);
        }
        return value;
    }

    private static void announce(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void closeAll(List<AutoCloseable> running, Vertx vertx) {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Stopping anyway.
            }
        }
        vertx.close();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
