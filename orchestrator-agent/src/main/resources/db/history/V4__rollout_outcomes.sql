-- What became of each analysed canary, read afterwards from its Argo Rollout's status: promoted,
-- aborted, rolled back by hand, or replaced by a later revision. Flagger canaries are not followed
-- (their Canary's status does not name the revision it judged), hence the kind.
ALTER TABLE analysis ADD COLUMN target_kind VARCHAR(16) DEFAULT 'ARGO_ROLLOUT' NOT NULL;
ALTER TABLE analysis ADD COLUMN outcome VARCHAR(16);
ALTER TABLE analysis ADD COLUMN outcome_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE analysis ADD COLUMN outcome_detail VARCHAR(512);

CREATE INDEX analysis_outcome ON analysis (outcome, decided_at);
