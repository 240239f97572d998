-- Plan approval: what an APPROVED plan holds in the other services, and the per-plan attempt counter.
ALTER TABLE plan ADD COLUMN reservation_id UUID;
ALTER TABLE plan ADD COLUMN approved_at TIMESTAMPTZ;
-- the approval answer (JSON), replayed to every later approval of the plan
ALTER TABLE plan ADD COLUMN approval TEXT;

-- Failed (compensated) approval attempts of a plan. Kept apart from the plan row on purpose: it is
-- written in its own transaction while the approval's transaction still holds the plan row lock, and
-- has no foreign key so that write takes no lock on the plan row.
CREATE TABLE plan_approval_attempt (
    plan_id          UUID          PRIMARY KEY,
    failed_attempts  INTEGER       NOT NULL,
    last_failure     TEXT,
    updated_at       TIMESTAMPTZ   NOT NULL
);
