package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * An analysis as it ended: what was asked, by whom, what was decided and what it reported on the way.
 *
 * @param startedAt when the council began (the verdict's {@code decidedAt} says when it ended)
 * @param progress  the progress lines in order, as the page and the chat streamed them
 */
public record FinishedAnalysis(
        AnalysisRequest request,
        Verdict verdict,
        Requester requester,
        Instant startedAt,
        List<ProgressEvent> progress) {

    public FinishedAnalysis {
        progress = List.copyOf(progress);
    }

    /** One progress line and when it was reported. */
    public record ProgressEvent(Instant at, String text) {}
}
