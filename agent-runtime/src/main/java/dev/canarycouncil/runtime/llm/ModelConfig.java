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
 * @param tape          records or replays the models' replies for a recording; null for live models only
 */
public record ModelConfig(
        ModelSettings defaults,
        Map<String, ModelSettings> perAgent,
        long tokenBudget,
        Duration reviewTimeout,
        ModelTape tape) {

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

    public ModelConfig(
            ModelSettings defaults, Map<String, ModelSettings> perAgent, long tokenBudget, Duration reviewTimeout) {
        this(defaults, perAgent, tokenBudget, reviewTimeout, null);
    }

    /** No model anywhere: every agent judges deterministically. */
    public static ModelConfig none() {
        return new ModelConfig(null, Map.of(), DEFAULT_TOKEN_BUDGET, DEFAULT_REVIEW_TIMEOUT);
    }

    public static ModelConfig of(ModelSettings settings) {
        return new ModelConfig(settings, Map.of(), DEFAULT_TOKEN_BUDGET, DEFAULT_REVIEW_TIMEOUT);
    }

    /** This configuration with its models' replies recorded into, or replayed from, a recording. */
    public ModelConfig withTape(ModelTape newTape) {
        return new ModelConfig(defaults, perAgent, tokenBudget, reviewTimeout, newTape);
    }

    /** Whether any agent answers from recorded replies. */
    public boolean replays() {
        return (defaults != null && defaults.provider() == ModelProvider.REPLAY)
                || perAgent.values().stream().anyMatch(s -> s != null && s.provider() == ModelProvider.REPLAY);
    }

    /** The agent's model session, when it has a model. */
    public java.util.Optional<ModelSession> session(String agent, boolean schemaInRequests) {
        return forAgent(agent)
                .map(s -> new ModelSession(
                        agent,
                        s,
                        schemaInRequests,
                        reviewTimeout,
                        new dev.canarycouncil.runtime.redaction.Redactor(),
                        tape));
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
        return new ModelConfig(defaults, perAgent, budget, reviewTimeout, tape);
    }
}
