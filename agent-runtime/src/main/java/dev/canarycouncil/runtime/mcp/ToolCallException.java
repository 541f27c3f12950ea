package dev.canarycouncil.runtime.mcp;

/**
 * An MCP tool call failed: the server was unreachable, the tool reported an error, or its answer
 * was unreadable. The message is meant for the agent's finding notes, so it names the tool.
 */
public class ToolCallException extends RuntimeException {

    /**
     * What kind of failure the tool reported, read from the {@code [kind]} its error text starts with
     * (the MCP server's vocabulary), so an agent can act on it rather than on wording.
     */
    public enum Reason {
        INVALID_ARGUMENT,
        NOT_FOUND,
        FORBIDDEN,
        NOT_ALLOWED,
        UNREACHABLE,
        TIMEOUT,
        RATE_LIMITED,
        BAD_QUERY,
        UNSUPPORTED,
        /** No source of this kind is configured at all. */
        NOT_CONFIGURED,
        INTERNAL,
        /** The call itself failed, or the error named no kind this client knows. */
        OTHER;

        /** The reason an error text such as {@code [not-configured] no Prometheus ...} names. */
        public static Reason of(String errorText) {
            if (errorText == null || !errorText.startsWith("[")) {
                return OTHER;
            }
            int close = errorText.indexOf(']');
            if (close < 0) {
                return OTHER;
            }
            String label = errorText
                    .substring(1, close)
                    .toUpperCase(java.util.Locale.ROOT)
                    .replace('-', '_');
            for (Reason r : values()) {
                if (r.name().equals(label)) {
                    return r;
                }
            }
            return OTHER;
        }
    }

    private final String tool;
    private final Reason reason;

    public ToolCallException(String tool, String message) {
        this(tool, message, Reason.OTHER);
    }

    public ToolCallException(String tool, String message, Reason reason) {
        super(message);
        this.tool = tool;
        this.reason = reason;
    }

    public ToolCallException(String tool, String message, Throwable cause) {
        super(message, cause);
        this.tool = tool;
        this.reason = Reason.OTHER;
    }

    public String tool() {
        return tool;
    }

    public Reason reason() {
        return reason;
    }
}
