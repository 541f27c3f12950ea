package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.chat.PastAnalyses;
import java.util.Optional;

/** Kept analyses for the chat: by their id, or by the A2A conversation whose tasks carried their verdict. */
public final class KeptConversations implements PastAnalyses {

    private final AnalysisHistory history;
    private final StoredTaskStore tasks;

    public KeptConversations(AnalysisHistory history, StoredTaskStore tasks) {
        this.history = history;
        this.tasks = tasks;
    }

    @Override
    public Optional<Past> find(String analysisId) {
        try {
            return history.find(analysisId).map(s -> new Past(s.request(), s.verdict()));
        } catch (HistoryStoreException e) {
            throw new PastAnalysisUnavailableException("the history is unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Past> ofConversation(String contextId) {
        return tasks.analysisOfContext(contextId).flatMap(this::find);
    }
}
