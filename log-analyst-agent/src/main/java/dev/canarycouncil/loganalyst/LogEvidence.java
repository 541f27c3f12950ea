package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import java.util.List;

/**
 * Everything the judge weighs.
 *
 * @param canaryPods  canary pods whose state could be read
 * @param notes       what could not be collected or read in full
 */
public record LogEvidence(
        LogIngestion logs, List<PodConditionEvidence> pods, int canaryPods, OperatorHints hints, List<String> notes) {}
