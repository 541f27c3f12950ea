-- When each remediation issue passed each step of the loop: the rollback that filed it, the issue,
-- the first pull request that referred to it, the first canary that verified the fix. The first
-- time a step is seen is kept (a pull request's opening time, once an earlier one shows, replaces it).
CREATE TABLE fix_step (
    issue_url    VARCHAR(1024) NOT NULL,
    step         VARCHAR(16)   NOT NULL,
    namespace    VARCHAR(253)  NOT NULL,
    rollout      VARCHAR(253)  NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    analysis_id  VARCHAR(64)   NOT NULL,
    PRIMARY KEY (issue_url, step)
);

CREATE INDEX fix_step_target ON fix_step (namespace, rollout);
