package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.http.HttpEndpoint;
import java.util.Optional;

/**
 * One started part of the council (an agent or the MCP server) on its own port.
 *
 * @param gate  the orchestrator's controller endpoints when they have a port of their own
 */
record StartedPart(String name, HttpEndpoint endpoint, AutoCloseable service, Optional<HttpEndpoint> gate)
        implements AutoCloseable {

    StartedPart(String name, HttpEndpoint endpoint, AutoCloseable service) {
        this(name, endpoint, service, Optional.empty());
    }

    /** Where the controllers call: the gate port, else the part's own. */
    String gateUrl() {
        return gate.map(HttpEndpoint::baseUrl).orElse(url());
    }

    String url() {
        return endpoint.baseUrl();
    }

    String cardUrl() {
        return endpoint.baseUrl() + "/.well-known/agent-card.json";
    }

    /** One line per port: {@code <name> listening on <url>}, and {@code <name>-gate listening on <url>} when it has one. */
    String announcement() {
        return name + " listening on " + url()
                + gate.map(g -> "\n" + name + "-gate listening on " + g.baseUrl())
                        .orElse("");
    }

    @Override
    public void close() {
        endpoint.close();
        gate.ifPresent(HttpEndpoint::close);
        if (service != null) {
            try {
                service.close();
            } catch (Exception ignored) {
                // Shutting down; a part that will not close cleanly changes nothing.
            }
        }
    }
}
