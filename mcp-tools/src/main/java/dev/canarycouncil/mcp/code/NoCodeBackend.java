package dev.canarycouncil.mcp.code;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import java.util.List;

/** Stands in when no repository is configured, so the tools say so instead of answering nothing. */
public final class NoCodeBackend implements CodeBackend {

    @Override
    public List<CodeHit> search(String query, String pathFilter, int maxResults) {
        throw unavailable();
    }

    @Override
    public FileSlice read(String path, int startLine, int endLine) {
        throw unavailable();
    }

    private static ToolException unavailable() {
        return new ToolException(Kind.UNSUPPORTED, "no source repository is configured for this MCP server");
    }
}
