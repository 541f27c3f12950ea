package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueUpdate;
import java.util.List;

/**
 * Where a drafted issue goes. Filing problems never surface as exceptions: the returned draft's
 * {@code state} ({@code draft}, {@code filed}, {@code commented}, {@code queued}, {@code failed}),
 * {@code url} and {@code detail} say what happened, because the verdict must reach the caller
 * whatever GitHub does.
 */
public interface IssueFiler extends AutoCloseable {

    /**
     * @param analysisId the analysis the draft explains; filing is idempotent per analysis
     */
    IssueDraft file(IssueDraft draft, String analysisId, Progress progress);

    /**
     * Tells each checked issue what the canary showed. Problems never surface as exceptions: each
     * update says what was done or why not.
     */
    default List<IssueUpdate> report(FixReport report, Progress progress) {
        return report.verdict().verifications().stream()
                .map(v -> new IssueUpdate(v.issueUrl(), "skipped", "not reported: no GitHub repository configured"))
                .toList();
    }

    @Override
    default void close() {}
}
