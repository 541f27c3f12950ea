package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.IssueLookup;
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

    /**
     * A rollout's remediation issues as GitHub has them, with the pull requests that refer to them.
     * Problems never surface as exceptions: the answer's notes say what could not be read.
     */
    default IssueLinks lookup(IssueLookup question, Progress progress) {
        return IssueLinks.unread(
                "no GitHub repository is configured: the issues' state and pull requests were not read");
    }

    @Override
    default void close() {}
}
