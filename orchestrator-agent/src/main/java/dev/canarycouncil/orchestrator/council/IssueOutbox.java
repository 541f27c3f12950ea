package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The issues controllers' rollbacks owe and GitHub does not have yet, kept where every replica sees
 * them (the history's database). {@link QueuedIssues} files them.
 */
public interface IssueOutbox {

    /** For a council that keeps nothing: an owed issue stays with the issue writer's own outbox. */
    IssueOutbox NONE = new IssueOutbox() {
        @Override
        public List<Owed> due(Instant now, int limit) {
            return List.of();
        }

        @Override
        public void settled(String analysisId, IssueDraft issue, Instant at) {}

        @Override
        public void notYet(String analysisId, String problem, Instant next) {}
    };

    /** An owed issue: the analysis it explains and how often filing it was tried. */
    record Owed(AnalysisRequest request, Verdict verdict, String fingerprint, int attempts) {}

    /** Owed issues whose next attempt is due, oldest first. */
    List<Owed> due(Instant now, int limit);

    /** GitHub has it now (filed, or a comment on the failure's open issue). */
    void settled(String analysisId, IssueDraft issue, Instant at);

    /** Still not on GitHub; tried again at {@code next}. */
    void notYet(String analysisId, String problem, Instant next);
}
