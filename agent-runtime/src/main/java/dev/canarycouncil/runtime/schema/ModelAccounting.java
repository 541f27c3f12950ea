package dev.canarycouncil.runtime.schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model use across one analysis, for the verdict's metadata.
 *
 * @param budget    the analysis' token budget (0 when no model is configured)
 * @param total     tokens spent by every agent together
 * @param perAgent  tokens spent per agent (orchestrator included)
 * @param notes     degradations: models that failed, budgets exhausted, answers rejected
 */
public record ModelAccounting(long budget, TokenUsage total, Map<String, TokenUsage> perAgent, List<String> notes) {

    public ModelAccounting {
        total = total == null ? TokenUsage.NONE : total;
        perAgent = perAgent == null ? Map.of() : new TreeMap<>(perAgent);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
