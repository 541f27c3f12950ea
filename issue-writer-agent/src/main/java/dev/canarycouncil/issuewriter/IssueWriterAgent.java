package dev.canarycouncil.issuewriter;

import dev.canarycouncil.issuewriter.filing.IssueFiler;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.llm.ModelSession;

/**
 * A mounted issue writer: its A2A server, its filer (whose background retries must stop with it) and
 * its model session, if any.
 * Does not close the MCP client it was given; that belongs to the caller.
 */
public record IssueWriterAgent(A2aAgentServer server, IssueFiler filer, ModelSession model) implements AutoCloseable {

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            filer.close();
            if (model != null) {
                model.close();
            }
        }
    }
}
