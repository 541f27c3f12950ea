package dev.canarycouncil.orchestrator;

import dev.canarycouncil.orchestrator.chat.Investigations;
import dev.canarycouncil.orchestrator.chat.Investigator;
import dev.canarycouncil.orchestrator.chat.MemberQuestions;
import dev.canarycouncil.orchestrator.chat.ModelAnswers;
import dev.canarycouncil.orchestrator.council.AnalysisLinks;
import dev.canarycouncil.orchestrator.council.Council;
import dev.canarycouncil.orchestrator.council.CouncilDirectory;
import dev.canarycouncil.orchestrator.council.CouncilMemory;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.council.QueuedIssues;
import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.orchestrator.council.TargetResolver;
import dev.canarycouncil.orchestrator.gate.AnalysisSlots;
import dev.canarycouncil.orchestrator.gate.GateAccess;
import dev.canarycouncil.orchestrator.gate.GateRoutes;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.orchestrator.gate.Measurements;
import dev.canarycouncil.orchestrator.gate.flagger.FlaggerRoutes;
import dev.canarycouncil.orchestrator.history.AnalysisHistory;
import dev.canarycouncil.orchestrator.history.AnalysisStore;
import dev.canarycouncil.orchestrator.history.HistoryRoutes;
import dev.canarycouncil.orchestrator.history.KeptConversations;
import dev.canarycouncil.orchestrator.history.OutcomeTracker;
import dev.canarycouncil.orchestrator.history.RolloutOutcome;
import dev.canarycouncil.orchestrator.history.StoredTaskStore;
import dev.canarycouncil.orchestrator.members.MemberEntry;
import dev.canarycouncil.orchestrator.narrative.Narrator;
import dev.canarycouncil.orchestrator.plugin.PluginRoutes;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.client.TimeoutA2aHttpClient;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.llm.McpToolAccess;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.llm.ModelSession;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Assembles the coordinator: its A2A agent and the rollouts plugin endpoint, on one router. */
public final class OrchestratorService implements AutoCloseable {

    public static final String NAME = Council.COORDINATOR;
    /**
     * How long a finished measurement answers a controller's retries (Argo asks again 10 s after an
     * error): long enough for those, short enough that a background analysis measuring every few
     * minutes gets a fresh analysis each time.
     */
    private static final Duration MEASUREMENT_KEPT = Duration.ofMinutes(2);
    /** How often the issues rollbacks still owe are looked at (each waits its own back-off). */
    private static final Duration OWED_ISSUE_CHECKS = Duration.ofMinutes(1);
    /** How often analysed canaries' rollouts are read for what became of them. */
    private static final Duration OUTCOME_CHECKS = Duration.ofMinutes(1);
    /** How soon a history write that failed (database down or full) is tried again. */
    private static final Duration HISTORY_RETRY = Duration.ofSeconds(10);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrchestratorService.class);

    private final McpToolClient tools;
    private final CouncilDirectory directory;
    private final ExecutorService calls;
    private final A2aAgentServer a2a;
    private final Optional<ModelSession> model;
    private final Optional<McpToolAccess> modelTools;
    private final AnalysisHistory history;
    private final StoredTaskStore tasks;
    private final OutcomeTracker outcomes;
    private final QueuedIssues owedIssues;

    private OrchestratorService(
            McpToolClient tools,
            CouncilDirectory directory,
            ExecutorService calls,
            A2aAgentServer a2a,
            Optional<ModelSession> model,
            Optional<McpToolAccess> modelTools,
            AnalysisHistory history,
            StoredTaskStore tasks,
            OutcomeTracker outcomes,
            QueuedIssues owedIssues) {
        this.owedIssues = owedIssues;
        this.history = history;
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.tools = tools;
        this.directory = directory;
        this.calls = calls;
        this.a2a = a2a;
        this.model = model;
        this.modelTools = modelTools;
    }

    /** Everything on one router: the A2A endpoint, the page and the controller endpoints. */
    public static OrchestratorService mount(
            Router router, String publicUrl, OrchestratorConfig config, A2aServerSettings settings) {
        return mount(router, router, publicUrl, config, settings);
    }

    /**
     * @param router      the A2A endpoint, its card and the page
     * @param gateRouter  the controllers' endpoints (web provider, Flagger, plugin), on their own port when it is
     *                    another router, so a NetworkPolicy can open it to the controllers' namespaces only
     */
    public static OrchestratorService mount(
            Router router, Router gateRouter, String publicUrl, OrchestratorConfig config, A2aServerSettings settings) {
        // First: a history that cannot be used (a newer schema, a database that does not answer) stops the start.
        AnalysisHistory history =
                new AnalysisHistory(AnalysisStore.open(config.history()), java.time.Clock.systemUTC(), HISTORY_RETRY);
        LOG.info(
                "analysis history: {}, kept {} days",
                config.history().describe(),
                config.history().retention().toDays());
        McpToolClient tools = new McpToolClient(
                config.mcpUrl(), Duration.ofSeconds(30), settings.auth().map(ServerAuth::secret));
        ExecutorService calls = callThreads();
        TimeoutA2aHttpClient cardHttp = new TimeoutA2aHttpClient(Duration.ofSeconds(5), CouncilDirectory.CARD_DEADLINE);
        // The longest any configured member may take: the council's deadline or a member's own, longer timeout.
        Duration membersTime = config.members().members().stream()
                .map(MemberEntry::timeout)
                .filter(java.util.Objects::nonNull)
                .filter(t -> t.compareTo(config.council().deadline()) > 0)
                .max(Duration::compareTo)
                .orElse(config.council().deadline());
        // Each call has its own deadline (RemoteAgent); the HTTP timeout is only a backstop beyond the longest.
        TimeoutA2aHttpClient http = new TimeoutA2aHttpClient(Duration.ofSeconds(5), membersTime.plusSeconds(30));
        CouncilDirectory directory = new CouncilDirectory(
                config.members(),
                config.discovery(),
                cardHttp,
                http,
                calls,
                config.council().deadline(),
                java.time.Clock.systemUTC());
        ModelConfig models = config.models();
        Optional<ModelSession> model = models.session(NAME, true);
        CouncilSettings kept = config.council().toBuilder()
                .links(AnalysisLinks.servedAt(publicUrl))
                .build();
        CouncilSettings councilSettings = models.anyModel() ? kept.withModelTime(models.reviewTimeout()) : kept;
        Council council = new Council(
                directory,
                new TargetResolver(tools),
                councilSettings,
                new Narrator(model),
                models.anyModel() ? models.tokenBudget() : 0,
                config.trackRecords(),
                new CouncilMemory(history, history, history));
        // The longest one analysis takes: its members, its issue and its own prose, with some slack.
        Duration analysisTime = membersTime
                .plus(councilSettings.issueDeadline())
                .plus(model.isEmpty() ? Duration.ZERO : models.reviewTimeout())
                .plusSeconds(30);
        // A blocking message/send to the coordinator must outlast it.
        A2aServerSettings own = settings.withBlockingTimeout(analysisTime);
        Optional<McpToolAccess> modelTools =
                model.map(m -> McpToolAccess.of(tools, ModelAnswers.TOOLS, Duration.ofSeconds(15)));
        // A task reports progress at least once per step; one silent for longer than a whole analysis was abandoned.
        StoredTaskStore tasks = new StoredTaskStore(
                history.store(), own.taskStoreCapacity(), analysisTime, HISTORY_RETRY, java.time.Clock.systemUTC());
        CouncilWork work = new CouncilWork(
                council,
                Investigations.defaults(),
                new Investigator(
                        tools,
                        model.map(m -> new ModelAnswers(m, modelTools.orElseThrow(), models.tokenBudget())),
                        Optional.of(new MemberQuestions(council::members, Duration.ofSeconds(30)))),
                new KeptConversations(history, tasks));
        A2aAgentServer a2a = AgentHosting.host(router, NAME, publicUrl, work, own, tasks);
        QueuedIssues owedIssues = new QueuedIssues(
                        council::members,
                        history.outbox(),
                        history,
                        councilSettings.issueDeadline(),
                        java.time.Clock.systemUTC())
                .start(OWED_ISSUE_CHECKS);
        OutcomeTracker outcomes = new OutcomeTracker(
                        history.store(),
                        (ns, rollout) -> rolloutStatus(tools, ns, rollout),
                        java.time.Clock.systemUTC())
                .start(OUTCOME_CHECKS);
        AnalysisSlots slots = new AnalysisSlots(config.gate().limits());
        Measurements measurements = new Measurements(
                m -> council.analyzeFully(
                        m.target(),
                        Requester.CONTROLLER,
                        message -> LOG.debug("{}/{}: {}", m.namespace(), m.rollout(), message)),
                MEASUREMENT_KEPT,
                calls,
                slots);
        List<AgentSecret> gateTokens = new ArrayList<>();
        settings.auth().map(ServerAuth::secret).ifPresent(gateTokens::add);
        config.gate().gateToken().ifPresent(gateTokens::add);
        GateAccess access = new GateAccess(gateTokens);
        if (settings.auth().isPresent() && config.gate().plugin() == GateSettings.PluginEndpoint.ON) {
            LOG.warn(
                    "The rollouts plugin's POST /a2a/analyze answers without a token (the plugin cannot send one): keep its "
                            + "port behind the NetworkPolicy, or turn it off with --plugin-endpoint off (docs/security.md)");
        }
        new PluginRoutes(
                        council,
                        measurements,
                        slots,
                        analysisTime,
                        config.gate().plugin())
                .mount(gateRouter);
        if (gateRouter != router) {
            // Kubelet probes and the plugin's health check may ask either port.
            new PluginRoutes(council, measurements, slots, analysisTime, GateSettings.PluginEndpoint.OFF).mount(router);
        }
        new GateRoutes(measurements, analysisTime, access).mount(gateRouter);
        new FlaggerRoutes(measurements, analysisTime, access).mount(gateRouter);
        new dev.canarycouncil.orchestrator.web.WebRoutes().mount(router);
        new HistoryRoutes(history, settings.auth()).mount(router);
        return new OrchestratorService(
                tools, directory, calls, a2a, model, modelTools, history, tasks, outcomes, owedIssues);
    }

    /** The rollout's status through the MCP server; empty when the rollout no longer exists. */
    private static Optional<RolloutOutcome.RolloutStatus> rolloutStatus(
            McpToolClient tools, String namespace, String rollout) {
        com.fasterxml.jackson.databind.JsonNode s;
        try {
            s = tools.call("get_rollout_status", java.util.Map.of("namespace", namespace, "rollout", rollout));
        } catch (dev.canarycouncil.runtime.mcp.ToolCallException e) {
            if (e.reason() == dev.canarycouncil.runtime.mcp.ToolCallException.Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new RolloutOutcome.RolloutStatus(
                s.path("phase").asText(""),
                s.path("stableHash").asText(""),
                s.path("canaryHash").asText(""),
                s.path("message").asText(""),
                s.path("aborted").asBoolean(false)));
    }

    /** Files the issues rollbacks still owe; for tests, which cannot wait a minute. */
    public QueuedIssues owedIssues() {
        return owedIssues;
    }

    /** Follows analysed canaries to their outcome; for tests, which cannot wait a minute. */
    public OutcomeTracker outcomes() {
        return outcomes;
    }

    private static ExecutorService callThreads() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, 256, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "council-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        a2a.close();
        directory.close();
        calls.shutdownNow();
        tools.close();
        model.ifPresent(ModelSession::close);
        modelTools.ifPresent(McpToolAccess::close);
        outcomes.close();
        owedIssues.close();
        tasks.close();
        history.close();
    }

    /** The history, for the page and for tests. */
    public AnalysisHistory history() {
        return history;
    }
}
