package dev.canarycouncil.orchestrator.chat;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.Optional;

/**
 * Analyses kept beyond a conversation (the history), so a question can be about any of them: one
 * opened from the page, one decided by a replica that has since stopped, one from before a restart.
 */
@FunctionalInterface
public interface PastAnalyses {

    /** For a coordinator that keeps nothing: only analyses run in the conversation can be discussed. */
    PastAnalyses NONE = analysisId -> Optional.empty();

    /**
     * @throws PastAnalysisUnavailableException when the history cannot be read now
     */
    Optional<Past> find(String analysisId);

    /**
     * The analysis an A2A conversation was about, when this process no longer remembers it (a
     * restart, or the conversation began on another replica); empty when nobody kept it.
     */
    default Optional<Past> ofConversation(String contextId) {
        return Optional.empty();
    }

    /** What a conversation about a kept analysis needs: its request (to ask the members) and its verdict. */
    record Past(AnalysisRequest request, Verdict verdict) {}

    /** The history could not be read; the message says why. */
    final class PastAnalysisUnavailableException extends RuntimeException {
        public PastAnalysisUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
