package dev.canarycouncil.runtime.agent;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;

/** A council member that judges one aspect of a canary and returns its finding. */
public interface Specialist {

    /** The agent's name, as on its card and in its findings. */
    String name();

    Finding analyze(AnalysisRequest request, Progress progress) throws Exception;
}
