package dev.canarycouncil.runtime.mcp;

/**
 * An MCP tool call failed: the server was unreachable, the tool reported an error, or its answer
 * was unreadable. The message is meant for the agent's finding notes, so it names the tool.
 */
public class ToolCallException extends RuntimeException {

    private final String tool;

    public ToolCallException(String tool, String message) {
        super(message);
        this.tool = tool;
    }

    public ToolCallException(String tool, String message, Throwable cause) {
        super(message, cause);
        this.tool = tool;
    }

    public String tool() {
        return tool;
    }
}
