package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueFiling;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * An analysis as it ended: what was asked, by whom, what was decided and what it reported on the way.
 *
 * @param startedAt when the council began (the verdict's {@code decidedAt} says when it ended)
 * @param progress  the progress lines in order, as the page and the chat streamed them
 * @param filing    whether the requester's rollback files its issue, or only drafts it
 */
public record FinishedAnalysis(
        AnalysisRequest request,
        Verdict verdict,
        Requester requester,
        Instant startedAt,
        List<ProgressEvent> progress,
        IssueFiling filing) {

    public FinishedAnalysis {
        progress = List.copyOf(progress);
    }

    /**
     * A rollback whose issue should be on GitHub but is not: the issue writer queued it (GitHub down
     * or rate-limited), GitHub refused it, the writer could not be reached, or there was none. A
     * writer without GitHub ({@code draft}: a dry run) owes nothing. The history keeps it owed until a
     * replica files it.
     */
    public boolean issueOwed() {
        if (verdict.decision() != Decision.ROLLBACK || filing != IssueFiling.FILE) {
            return false;
        }
        IssueDraft issue = verdict.issue();
        return issue == null || issue.undelivered();
    }

    /** One progress line and when it was reported. */
    public record ProgressEvent(Instant at, String text) {}
}
