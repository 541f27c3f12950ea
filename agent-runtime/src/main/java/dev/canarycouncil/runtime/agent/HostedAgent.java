package dev.canarycouncil.runtime.agent;

import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;

/** An agent served over A2A together with what it owns (model sessions, MCP sessions), closed together. */
public record HostedAgent(A2aAgentServer server, AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() {
        server.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot release the agent's resources: " + e.getMessage(), e);
        }
    }
}
