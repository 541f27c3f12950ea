package dev.canarycouncil.examples.migrationchecker;

import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.SpecialistWork;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.redaction.Redactor;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Assembles the migration checker from agent-runtime's parts: a {@link dev.canarycouncil.runtime.agent.Specialist}
 * adapted to A2A by {@link SpecialistWork}, hosted by {@link AgentHosting} under its card
 * {@code agent-cards/migration-checker.json}; and runs it as a process of its own.
 */
public final class MigrationCheckerAgent {

    /** Exit code of a bad command line, as the council's launcher uses it. */
    static final int EXIT_USAGE = 3;
    /** Exit code when the agent cannot start (the port is taken, ...). */
    static final int EXIT_RUNTIME = 4;

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    /** Worker threads; each analysis in flight holds one while it reads logs. */
    private static final int WORKER_THREADS = 16;

    private MigrationCheckerAgent() {}

    /** The specialist itself, reading logs through {@code tools}. */
    public static MigrationChecker checker(McpToolClient tools) {
        SchemaChangeClassifier classifier = new SchemaChangeClassifier();
        return new MigrationChecker(
                new LogFetcher(tools),
                new MigrationReader(new MigrationLineRecognizer(classifier), classifier),
                new SchemaErrorScanner(),
                new MigrationJudge(MigrationChecker.NAME),
                new Redactor());
    }

    /**
     * Mounts the agent (its card at {@code /.well-known/agent-card.json}, JSON-RPC at {@code /}) on a router.
     *
     * @param publicUrl where peers reach it; written into the served card
     */
    public static A2aAgentServer mount(
            Router router, String publicUrl, McpToolClient tools, A2aServerSettings settings) {
        return AgentHosting.host(
                router, MigrationChecker.NAME, publicUrl, new SpecialistWork(checker(tools)), settings);
    }

    /**
     * Starts the agent on its own Vert.x and port, as {@link #main} does.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static RunningAgent start(LaunchOptions options) {
        Vertx vertx = VertxFactory.create(WORKER_THREADS);
        try {
            HttpEndpoint endpoint = HttpEndpoint.start(vertx, options.host(), options.port());
            McpToolClient tools = new McpToolClient(options.mcpUrl(), TOOL_TIMEOUT);
            String publicUrl = options.publicUrl() == null ? endpoint.baseUrl() : options.publicUrl();
            A2aAgentServer server = mount(endpoint.router(), publicUrl, tools, A2aServerSettings.defaults());
            return new RunningAgent(vertx, endpoint, server, tools);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /**
     * {@code --port N --host H --mcp-url URL --public-url URL}; prints
     * {@code migration-checker listening on http://HOST:PORT} and serves until SIGTERM.
     * Exits 3 on a bad command line, 4 when it cannot start.
     */
    public static void main(String[] args) {
        quietLogging();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args), System.getenv());
        } catch (UsageException e) {
            System.err.println(MigrationChecker.NAME + ": " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        RunningAgent running;
        try {
            running = start(options);
        } catch (RuntimeException e) {
            System.err.println(MigrationChecker.NAME + ": " + e.getMessage());
            System.exit(EXIT_RUNTIME);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.close();
                            stopped.countDown();
                        },
                        MigrationChecker.NAME + "-shutdown"));
        System.out.println(MigrationChecker.NAME + " listening on " + running.url());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Warnings only, on stderr: stdout carries the one line scripts wait for. Set before the first logger exists. */
    private static void quietLogging() {
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The MCP client logs a reconnect as an error; the finding's notes already say what failed.
        setDefault("org.slf4j.simpleLogger.log.io.modelcontextprotocol.spec.McpTransport", "error");
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
