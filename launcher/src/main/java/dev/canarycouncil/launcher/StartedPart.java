package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.http.HttpEndpoint;

/** One started part of the council (an agent or the MCP server) on its own port. */
record StartedPart(String name, HttpEndpoint endpoint, AutoCloseable service) implements AutoCloseable {

    String url() {
        return endpoint.baseUrl();
    }

    String cardUrl() {
        return endpoint.baseUrl() + "/.well-known/agent-card.json";
    }

    String announcement() {
        return name + " listening on " + url();
    }

    @Override
    public void close() {
        endpoint.close();
        if (service != null) {
            try {
                service.close();
            } catch (Exception ignored) {
                // Shutting down; a part that will not close cleanly changes nothing.
            }
        }
    }
}
