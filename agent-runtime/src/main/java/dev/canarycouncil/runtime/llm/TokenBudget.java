package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.schema.TokenUsage;

/**
 * Tokens one agent may still spend on one analysis. Each call is checked against an estimate of
 * its prompt before it is sent, and charged with what the provider reports after.
 */
public final class TokenBudget {

    private final long limit;
    private TokenUsage spent = TokenUsage.NONE;

    public TokenBudget(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("token budget cannot be negative, was " + limit);
        }
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** @throws TokenBudgetExceededException when a call of this size would not fit */
    public synchronized void reserve(long estimatedTokens) {
        long left = limit - spent.totalTokens();
        if (estimatedTokens > left) {
            throw new TokenBudgetExceededException("the call needs about " + estimatedTokens + " tokens but only "
                    + Math.max(0, left) + " of the analysis' " + limit + " remain");
        }
    }

    public synchronized void charge(TokenUsage usage) {
        spent = spent.plus(usage);
    }

    public synchronized TokenUsage spent() {
        return spent;
    }

    /** A rough count (4 characters a token) for checking before a call; the provider's figure is charged after. */
    public static long estimate(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
