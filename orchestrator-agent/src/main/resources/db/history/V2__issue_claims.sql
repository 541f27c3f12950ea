-- One row per failure (its fingerprint) an orchestrator filed an issue for. A replica holds the
-- row's lock while its issue writer files, so replicas judging one broken canary at the same moment
-- file one issue between them; the row says which analysis filed last and where.
CREATE TABLE issue_claim (
    fingerprint  VARCHAR(64)   PRIMARY KEY,
    analysis_id  VARCHAR(64)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    issue_url    VARCHAR(1024),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
