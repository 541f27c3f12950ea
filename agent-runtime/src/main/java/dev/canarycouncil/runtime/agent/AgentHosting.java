package dev.canarycouncil.runtime.agent;

import dev.canarycouncil.runtime.a2a.AgentCards;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.a2a.server.A2aTaskStore;
import dev.canarycouncil.runtime.a2a.server.BoundedTaskStore;
import io.a2a.spec.AgentCard;
import io.vertx.ext.web.Router;

/** Puts a piece of agent work on a router as a full A2A agent, under the card of the given name. */
public final class AgentHosting {

    private AgentHosting() {}

    /**
     * @param cardName  the card in {@code agent-cards/} (e.g. {@code log-analyst})
     * @param publicUrl where peers reach this agent; written into the served card
     */
    public static A2aAgentServer host(
            Router router, String cardName, String publicUrl, AgentWork work, A2aServerSettings settings) {
        return host(router, cardName, publicUrl, work, settings, new BoundedTaskStore(settings.taskStoreCapacity()));
    }

    /** @param tasks where the agent's A2A tasks are kept (a database, for an agent with several replicas) */
    public static A2aAgentServer host(
            Router router,
            String cardName,
            String publicUrl,
            AgentWork work,
            A2aServerSettings settings,
            A2aTaskStore tasks) {
        AgentCard card = AgentCards.load(cardName, publicUrl);
        A2aAgentServer server = new A2aAgentServer(card, new WorkAgentExecutor(card.name(), work), settings, tasks);
        server.mount(router);
        return server;
    }
}
