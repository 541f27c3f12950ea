package dev.canarycouncil.mcp.tool;

import java.util.Locale;

/**
 * A tool call that cannot be answered, with a kind an agent can act on (retry on
 * {@link Kind#TIMEOUT}, give up on {@link Kind#FORBIDDEN}, fix its query on {@link Kind#BAD_QUERY}, wait
 * until the time the message names on {@link Kind#RATE_LIMITED}).
 * It reaches the client as an MCP tool error whose text starts with the kind in brackets.
 */
public class ToolException extends RuntimeException {

    public enum Kind {
        INVALID_ARGUMENT,
        NOT_FOUND,
        FORBIDDEN,
        NOT_ALLOWED,
        UNREACHABLE,
        TIMEOUT,
        /** The backend refuses more calls for a while (e.g. GitHub's rate limits); the message says until when. */
        RATE_LIMITED,
        BAD_QUERY,
        UNSUPPORTED,
        /** No source of this kind is configured at all (no Prometheus): not an error to retry, nothing to see. */
        NOT_CONFIGURED,
        INTERNAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    public ToolException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ToolException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The text the client sees: {@code [kind] message}. */
    public String clientText() {
        return "[" + kind.label() + "] " + getMessage();
    }
}
