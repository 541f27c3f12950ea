package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.IssueDraft;

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

    @Override
    default void close() {}
}
