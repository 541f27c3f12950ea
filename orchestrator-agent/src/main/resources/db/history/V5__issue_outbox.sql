-- Issues a controller's rollback owes but GitHub does not have yet: the issue writer queued the
-- draft (GitHub down or rate-limited), could not be reached, or there was none. Written with the
-- analysis, in the same transaction, so an owed issue is never lost with a replica or a writer pod;
-- any replica files it later through its issue writer, under the failure's claim.
CREATE TABLE issue_outbox (
    analysis_id     VARCHAR(64)  PRIMARY KEY REFERENCES analysis (id) ON DELETE CASCADE,
    fingerprint     VARCHAR(64)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_problem    VARCHAR(1024),
    settled_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX issue_outbox_due ON issue_outbox (settled_at, next_attempt_at);
