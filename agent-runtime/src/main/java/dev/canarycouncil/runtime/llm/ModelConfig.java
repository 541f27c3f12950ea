package dev.canarycouncil.runtime.llm;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which model each agent consults, if any, and how much one analysis may spend.
 *
 * @param defaults      the model every agent uses unless overridden; null = deterministic mode
 * @param perAgent      overrides by agent name; an entry mapped to null turns the model off for that agent
 * @param tokenBudget   tokens (input + output) one analysis may spend across all agents
 * @param reviewTimeout wall-clock limit for one agent's whole model review, tool calls included
 */
public record ModelConfig(ModelSettings defaults, Map<String, ModelSettings> perAgent, long tokenBudget, Duration reviewTimeout) {

    public static final long DEFAULT_TOKEN_BUDGET = 60_000;
    public static final Duration DEFAULT_REVIEW_TIMEOUT = Duration.ofSeconds(45);

    public ModelConfig {
        perAgent = perAgent == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(perAgent));
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("token budget cannot be negative, was " + tokenBudget);
        }
        reviewTimeout = reviewTimeout == null ? DEFAULT_REVIEW_TIMEOUT : reviewTimeout;
        if (reviewTimeout.isNegative() || reviewTimeout.isZero()) {
            throw new IllegalArgumentException("model review timeout must be positive, was " + reviewTimeout);
        }
    }

    /** No model anywhere: every agent judges deterministically. */
    public static ModelConfig none() {
        return new ModelConfig(null, Map.of(), DEFAULT_TOKEN_BUDGET, DEFAULT_REVIEW_TIMEOUT);
    }

    public static ModelConfig of(ModelSettings settings) {
        return new ModelConfig(settings, Map.of(), DEFAULT_TOKEN_BUDGET, DEFAULT_REVIEW_TIMEOUT);
    }

    public Optional<ModelSettings> forAgent(String agent) {
        if (perAgent.containsKey(agent)) {
            return Optional.ofNullable(perAgent.get(agent));
        }
        return Optional.ofNullable(defaults);
    }

    public boolean anyModel() {
        return defaults != null || perAgent.values().stream().anyMatch(java.util.Objects::nonNull);
    }

    public ModelConfig withTokenBudget(long budget) {
        return new ModelConfig(defaults, perAgent, budget, reviewTimeout);
    }
}
