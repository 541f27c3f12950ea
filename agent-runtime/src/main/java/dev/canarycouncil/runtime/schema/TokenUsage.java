package dev.canarycouncil.runtime.schema;

/**
 * Tokens a model consumed, as the provider reported them.
 *
 * @param calls         model calls made (one per request/response, tool round trips included)
 * @param inputTokens   prompt tokens
 * @param outputTokens  completion tokens
 */
public record TokenUsage(int calls, long inputTokens, long outputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage {
        if (calls < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token usage cannot be negative");
        }
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public TokenUsage plus(TokenUsage other) {
        return other == null
                ? this
                : new TokenUsage(
                        calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
