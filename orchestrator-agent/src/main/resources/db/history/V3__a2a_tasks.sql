-- The coordinator's A2A tasks as the SDK last saved them (JSON in A2A's own schema), so tasks/get
-- answers on any replica and after a restart. Tasks are short-lived; they are kept a day.
CREATE TABLE a2a_task (
    id          VARCHAR(128) PRIMARY KEY,
    context_id  VARCHAR(128),
    state       VARCHAR(32)  NOT NULL,
    final       BOOLEAN      NOT NULL,
    task_json   TEXT         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX a2a_task_updated ON a2a_task (updated_at);
