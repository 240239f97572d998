-- The solving queue: one job per plan, claimed by any allocation-service replica with
-- SELECT ... FOR UPDATE SKIP LOCKED and held with a lease that the owner renews while it solves.
-- status: QUEUED (waiting, or given back by a replica shutting down), RUNNING (owner holds a lease;
-- claimable again once lease_expires_at has passed), DONE, CANCELLED, FAILED (terminal).
CREATE TABLE plan_job (
    plan_id              UUID          PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
    status               VARCHAR(10)   NOT NULL,
    -- the SolverInput snapshot taken at POST time (JSON): every attempt solves the same problem
    solver_input         TEXT          NOT NULL,
    spent_limit_ms       BIGINT        NOT NULL,
    unimproved_limit_ms  BIGINT        NOT NULL,
    -- instance id of the replica holding the lease (the latest claimer)
    owner                VARCHAR(200),
    -- claims so far; also the fencing token: a write is accepted only from (owner, attempt)
    attempt              INTEGER       NOT NULL DEFAULT 0,
    -- claims given back by a graceful shutdown (they do not count towards the attempt cap)
    released             INTEGER       NOT NULL DEFAULT 0,
    lease_expires_at     TIMESTAMPTZ,
    cancel_requested_at  TIMESTAMPTZ,
    created_at           TIMESTAMPTZ   NOT NULL,
    claimed_at           TIMESTAMPTZ,
    finished_at          TIMESTAMPTZ
);
CREATE INDEX plan_job_claimable ON plan_job (status, created_at);

-- Every claim of a job: who, when, and how it ended (FINISHED, EXPIRED = lease ran out and the job
-- was claimed again, RELEASED = given back at shutdown, LOST = fenced off, CANCELLED).
CREATE TABLE plan_job_claim (
    plan_id     UUID          NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    attempt     INTEGER       NOT NULL,
    owner       VARCHAR(200)  NOT NULL,
    claimed_at  TIMESTAMPTZ   NOT NULL,
    ended_at    TIMESTAMPTZ,
    outcome     VARCHAR(10),
    PRIMARY KEY (plan_id, attempt)
);

-- Plans still SOLVING from before the queue existed have no job (their input lived in memory).
UPDATE plan SET status = 'FAILED', failure_reason = 'interrupted by a restart',
    finished_at = now(), updated_at = now()
WHERE status = 'SOLVING';
