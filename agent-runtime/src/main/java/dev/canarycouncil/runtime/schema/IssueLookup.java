package dev.canarycouncil.runtime.schema;

import java.util.List;
import java.util.Objects;

/**
 * What the coordinator asks the issue writer before it checks a canary against earlier failures:
 * the state and links of the issues it knows of, and any other open issue filed for the rollout.
 *
 * @param namespace the rollout's namespace
 * @param rollout   the rollout (or Flagger canary) name
 * @param known     issue pages the history knows for the rollout
 */
public record IssueLookup(String namespace, String rollout, List<String> known) {

    public IssueLookup {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(rollout, "rollout");
        known = known == null ? List.of() : List.copyOf(known);
    }
}
