package dev.canarycouncil.runtime.a2a.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.a2a.server.agentexecution.AgentExecutor;
import io.a2a.server.requesthandlers.DefaultRequestHandler;
import io.a2a.spec.AgentCard;
import io.a2a.transport.jsonrpc.handler.JSONRPCHandler;
import io.a2a.util.Utils;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hosts one agent as an A2A 0.3 JSON-RPC server on a vertx-web {@link Router}:
 * {@code POST /} for JSON-RPC ({@code message/send}, {@code message/stream}, {@code tasks/get},
 * {@code tasks/cancel}, ...) and {@code GET /.well-known/agent-card.json} for the card.
 */
public final class A2aAgentServer implements AutoCloseable {

    public static final String CARD_PATH = "/.well-known/agent-card.json";
    /** The path A2A 0.2 clients still ask for. */
    public static final String LEGACY_CARD_PATH = "/.well-known/agent.json";

    private final AgentCard card;
    private final String cardJson;
    private final ExecutorService threads;
    private final JSONRPCHandler jsonRpc;
    private final A2aServerSettings settings;

    public A2aAgentServer(AgentCard card, AgentExecutor agentExecutor, A2aServerSettings settings) {
        this(card, agentExecutor, settings, new BoundedTaskStore(settings.taskStoreCapacity()));
    }

    /** @param tasks where the tasks are kept, for an agent whose tasks must outlive the process */
    public A2aAgentServer(AgentCard card, AgentExecutor agentExecutor, A2aServerSettings settings, A2aTaskStore tasks) {
        this.card = settings.auth().map(a -> a.declareIn(card)).orElse(card);
        this.settings = settings;
        this.cardJson = toJson(this.card);
        this.threads = agentThreads(card.name(), settings.maxConcurrentTasks());
        DefaultRequestHandler requestHandler =
                RequestHandlers.create(agentExecutor, tasks, threads, settings.blockingTimeout());
        this.jsonRpc = new JSONRPCHandler(this.card, requestHandler, threads);
    }

    /** Adds this agent's routes to {@code router}. */
    public void mount(Router router) {
        router.get(CARD_PATH)
                .handler(rc -> rc.response()
                        .putHeader("Content-Type", "application/json")
                        .end(cardJson));
        router.get(LEGACY_CARD_PATH)
                .handler(rc -> rc.response()
                        .putHeader("Content-Type", "application/json")
                        .end(cardJson));
        // A route of its own, ahead of the body's: an unauthenticated caller cannot make us buffer 64 MiB.
        settings.auth().ifPresent(a -> router.post("/").handler(a.guard()));
        router.post("/")
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxRequestBytes()))
                // Not ordered: concurrent requests must not wait for one another's agents.
                .blockingHandler(new JsonRpcRoute(jsonRpc), false);
    }

    public AgentCard card() {
        return card;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private static ExecutorService agentThreads(String agentName, int maxConcurrentTasks) {
        AtomicInteger counter = new AtomicInteger();
        // Each task occupies up to three threads (agent, event consumer, stream relay), hence the factor.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                0, Math.max(4, maxConcurrentTasks * 3), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, agentName + "-a2a-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }

    private static String toJson(AgentCard card) {
        try {
            return Utils.OBJECT_MAPPER.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Agent card cannot be serialised", e);
        }
    }
}
