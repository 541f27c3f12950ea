package dev.canarycouncil.runtime.llm;

/** A model call was not made because the analysis' token budget would not cover it. */
public final class TokenBudgetExceededException extends RuntimeException {

    public TokenBudgetExceededException(String message) {
        super(message);
    }
}
