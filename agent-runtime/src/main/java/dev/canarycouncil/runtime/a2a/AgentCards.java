package dev.canarycouncil.runtime.a2a;

import io.a2a.spec.AgentCard;
import io.a2a.spec.TransportProtocol;
import io.a2a.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads agent cards from the classpath and gives them the URL the agent is really reachable at. */
public final class AgentCards {

    private AgentCards() {}

    /**
     * Reads {@code agent-cards/<name>.json} from the classpath.
     *
     * @param publicUrl the URL peers should use to reach the agent (its Service URL in Kubernetes)
     */
    public static AgentCard load(String name, String publicUrl) {
        String resource = "agent-cards/" + name + ".json";
        try (InputStream in = AgentCards.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No agent card on the classpath at " + resource);
            }
            AgentCard card = Utils.OBJECT_MAPPER.readValue(in, AgentCard.class);
            return withUrl(card, publicUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("Agent card " + resource + " is not valid JSON", e);
        }
    }

    public static AgentCard withUrl(AgentCard card, String publicUrl) {
        return new AgentCard.Builder(card)
                .url(publicUrl)
                .preferredTransport(TransportProtocol.JSONRPC.asString())
                .build();
    }
}
