package dev.canarycouncil.runtime.agent;

import io.a2a.spec.Part;
import java.util.List;

/**
 * The result of one piece of agent work, published as one A2A artifact.
 *
 * @param artifactName  name of the artifact (e.g. {@code finding})
 * @param parts         the artifact's parts
 */
public record AgentOutput(String artifactName, List<Part<?>> parts) {

    public AgentOutput {
        parts = List.copyOf(parts);
    }
}
