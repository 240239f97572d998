-- Approval as a persisted, resumable process, and coverage of needs by approved plans.

-- the problem (JSON: type, title, status, detail) of the last failed approval of a plan
ALTER TABLE plan ADD COLUMN approval_error TEXT;

-- where each plan line stands once its plan is approved: APPROVED (not dispatched yet), DISPATCHED (on
-- the road), DELIVERED (delivered / rejected units from the proof of delivery), LOST, CANCELLED (its
-- shipment was cancelled before dispatch: the units are uncovered again); PLANNED while the plan is not
-- approved. shipment_id: the shipment carrying it.
ALTER TABLE plan_line ADD COLUMN state VARCHAR(12) NOT NULL DEFAULT 'PLANNED'
    CHECK (state IN ('PLANNED', 'APPROVED', 'DISPATCHED', 'DELIVERED', 'LOST', 'CANCELLED'));
ALTER TABLE plan_line ADD COLUMN shipment_id UUID;
ALTER TABLE plan_line ADD COLUMN delivered INTEGER NOT NULL DEFAULT 0 CHECK (delivered >= 0);
ALTER TABLE plan_line ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0);
CREATE INDEX plan_line_need ON plan_line (need_id);
CREATE INDEX plan_line_shipment ON plan_line (shipment_id);
CREATE INDEX plan_team_assignment_team_need ON plan_team_assignment (team_need_id);

-- plans approved before this migration: their lines are approved, carried by the shipment of their
-- (depot, site, mode) recorded in the approval answer
UPDATE plan_line l SET state = 'APPROVED' FROM plan p WHERE p.id = l.plan_id AND p.status = 'APPROVED';
UPDATE plan_line l SET shipment_id = (s ->> 'id')::uuid
FROM plan p, jsonb_array_elements(p.approval::jsonb -> 'shipments') s
WHERE p.id = l.plan_id AND p.status = 'APPROVED' AND p.approval IS NOT NULL
  AND (s ->> 'originDepotId')::uuid = l.depot_id AND (s ->> 'siteId')::uuid = l.site_id AND s ->> 'mode' = l.mode;

-- One row per plan whose approval is under way (APPROVING). phase APPLYING: the steps are being done;
-- UNDOING: the approval failed (failure recorded first) and what the other services hold is being
-- reconciled and undone. A replica drives it while it holds the lease; fence grows with every claim and
-- every write checks it, so a replica that lost its lease cannot change the run.
CREATE TABLE approval_run (
    plan_id      UUID          PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
    attempt      INTEGER       NOT NULL,
    phase        VARCHAR(10)   NOT NULL CHECK (phase IN ('APPLYING', 'UNDOING')),
    failure      TEXT,
    last_error   VARCHAR(2000),
    retry_at     TIMESTAMPTZ   NOT NULL,
    lease_owner  VARCHAR(200),
    lease_until  TIMESTAMPTZ,
    fence        INTEGER       NOT NULL DEFAULT 0,
    started_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX approval_run_due ON approval_run (retry_at);

-- The remote steps of an approval attempt, in order: the reservation, each team, each shipment. The
-- idempotency key is derived from (plan, attempt, step), so a resumed step replays instead of repeating.
CREATE TABLE approval_step (
    plan_id          UUID          NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    attempt          INTEGER       NOT NULL,
    position         INTEGER       NOT NULL,
    kind             VARCHAR(12)   NOT NULL CHECK (kind IN ('RESERVATION', 'TEAM', 'SHIPMENT')),
    target           VARCHAR(200)  NOT NULL,
    idempotency_key  VARCHAR(200)  NOT NULL,
    payload          TEXT,
    state            VARCHAR(10)   NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    remote_id        UUID,
    PRIMARY KEY (plan_id, attempt, position)
);

-- Every attempt and how it ended (APPROVED, FAILED), the failure's problem JSON when it failed.
CREATE TABLE approval_attempt (
    plan_id     UUID          NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    attempt     INTEGER       NOT NULL,
    outcome     VARCHAR(10)   CHECK (outcome IN ('APPROVED', 'FAILED')),
    problem     TEXT,
    started_at  TIMESTAMPTZ   NOT NULL,
    ended_at    TIMESTAMPTZ,
    PRIMARY KEY (plan_id, attempt)
);
INSERT INTO approval_attempt (plan_id, attempt, outcome, problem, started_at, ended_at)
SELECT a.plan_id, g, 'FAILED', NULL, a.updated_at, a.updated_at
FROM plan_approval_attempt a, generate_series(1, a.failed_attempts) g;
DROP TABLE plan_approval_attempt;
