package dev.canarycouncil.orchestrator.narrative;

import dev.canarycouncil.runtime.schema.TokenUsage;

/**
 * The verdict's prose and root cause, and who wrote them.
 *
 * @param analysis   the analysis in prose
 * @param rootCause  the root cause sentence
 * @param model      the model that wrote them, or null for the template
 * @param usage      tokens the coordinator spent (zero without a model)
 * @param note       why the model's text was not used, or null
 */
public record Narrative(String analysis, String rootCause, String model, TokenUsage usage, String note) {}
