package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.loganalyst.incremental.TemplateSequences;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import java.util.List;

/**
 * Everything the judge weighs.
 *
 * @param canaryPods  canary pods whose state could be read
 * @param notes       what could not be collected or read in full
 * @param sequences   each template's evidence over the rollout's calls (empty for a single call)
 */
public record LogEvidence(
        LogIngestion logs,
        List<PodConditionEvidence> pods,
        int canaryPods,
        OperatorHints hints,
        List<String> notes,
        TemplateSequences sequences) {}
