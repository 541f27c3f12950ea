package dev.canarycouncil.runtime.agent;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FollowUp;
import dev.canarycouncil.runtime.schema.FollowUpAnswer;

/** A council member that judges one aspect of a canary and returns its finding. */
public interface Specialist {

    /** The agent's name, as on its card and in its findings. */
    String name();

    Finding analyze(AnalysisRequest request, Progress progress) throws Exception;

    /**
     * Answers a follow-up question about an analysis, when this specialist knows how (e.g. the
     * metrics agent compares a metric's series from its own metric set).
     *
     * @return empty when this specialist does not answer such questions
     */
    default java.util.Optional<FollowUpAnswer> answer(FollowUp question, Progress progress) throws Exception {
        return java.util.Optional.empty();
    }
}
