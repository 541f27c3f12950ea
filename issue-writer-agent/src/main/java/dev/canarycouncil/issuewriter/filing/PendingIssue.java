package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.schema.IssueDraft;
import java.time.Instant;
import java.util.Objects;

/**
 * A draft waiting in the outbox until GitHub confirms it.
 *
 * @param analysisId     the analysis it explains; with the fingerprint, its identity
 * @param draft          the draft to file
 * @param queuedAt       when it entered the outbox; older drafts are filed first
 * @param attempts       failed attempts so far
 * @param nextAttemptAt  not to be tried before this
 * @param lastError      why the last attempt failed, or null
 * @param held           true when retrying cannot help until the configuration changes (a rejected
 *                       token); held drafts are tried again only after a restart
 */
public record PendingIssue(
        String analysisId,
        IssueDraft draft,
        Instant queuedAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        boolean held) {

    public PendingIssue {
        Objects.requireNonNull(analysisId, "analysisId");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(queuedAt, "queuedAt");
        nextAttemptAt = nextAttemptAt == null ? queuedAt : nextAttemptAt;
    }

    static PendingIssue of(String analysisId, IssueDraft draft, Instant now) {
        return new PendingIssue(analysisId, draft, now, 0, now, null, false);
    }

    PendingIssue failed(String error, Instant next) {
        return new PendingIssue(analysisId, draft, queuedAt, attempts + 1, next, error, false);
    }

    PendingIssue hold(String error) {
        return new PendingIssue(analysisId, draft, queuedAt, attempts + 1, nextAttemptAt, error, true);
    }

    /** After a restart: held drafts get one more try, as the configuration may have been fixed. */
    PendingIssue released() {
        return held ? new PendingIssue(analysisId, draft, queuedAt, attempts, queuedAt, lastError, false) : this;
    }

    String fingerprint() {
        return draft.fingerprint();
    }
}
