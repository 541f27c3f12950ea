-- One row per analysis, whoever asked. The columns are what the history is filtered and listed
-- by; the verdict and the request are kept whole as JSON, in the schema agents exchange, so a past
-- analysis can be shown and discussed exactly as it was decided.
CREATE TABLE analysis (
    id           VARCHAR(64)  PRIMARY KEY,
    namespace    VARCHAR(253) NOT NULL,
    rollout      VARCHAR(253) NOT NULL,
    canary_hash  VARCHAR(64)  NOT NULL,
    stable_hash  VARCHAR(64)  NOT NULL,
    requester    VARCHAR(32)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms  BIGINT       NOT NULL,
    decision     VARCHAR(16)  NOT NULL,
    confidence   INTEGER      NOT NULL,
    mode         VARCHAR(96)  NOT NULL,
    issue_title  VARCHAR(512),
    issue_url    VARCHAR(1024),
    request_json TEXT         NOT NULL,
    verdict_json TEXT         NOT NULL
);

CREATE INDEX analysis_decided ON analysis (decided_at DESC);
CREATE INDEX analysis_target ON analysis (namespace, rollout, decided_at DESC);

-- What the analysis reported while it ran, in order: the same lines the page and the chat stream.
CREATE TABLE analysis_progress (
    analysis_id VARCHAR(64) NOT NULL REFERENCES analysis (id) ON DELETE CASCADE,
    seq         INTEGER     NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    text        VARCHAR(2048) NOT NULL,
    PRIMARY KEY (analysis_id, seq)
);
