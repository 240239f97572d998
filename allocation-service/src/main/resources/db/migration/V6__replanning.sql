-- Re-planning: a plan may re-plan an APPROVED base plan; its approval applies only the difference.

-- base_plan_id: the APPROVED plan this one re-plans (null for a plan from scratch).
-- release_undispatched: whether the base's approved, undispatched lines could be changed (at a cost).
ALTER TABLE plan ADD COLUMN base_plan_id UUID REFERENCES plan (id);
ALTER TABLE plan ADD COLUMN release_undispatched BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX plan_base ON plan (base_plan_id);

-- reservation_id: the inventory reservation holding the line's units (set at approval; a line kept by a
-- re-plan keeps its reservation). superseded: the line was taken over by the approved re-plan (its copy
-- there counts instead) or removed by it; only lines not superseded count towards coverage.
ALTER TABLE plan_line ADD COLUMN reservation_id UUID;
ALTER TABLE plan_line ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE plan_line l SET reservation_id = p.reservation_id FROM plan p
    WHERE p.id = l.plan_id AND p.reservation_id IS NOT NULL;

-- reference: the reference the team was assigned under in inventory (plan-<id> of the plan that assigned
-- it; a team kept by a re-plan keeps its reference). superseded: as for lines.
ALTER TABLE plan_team_assignment ADD COLUMN reference VARCHAR(60);
ALTER TABLE plan_team_assignment ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE plan_team_assignment a SET reference = 'plan-' || a.plan_id
    FROM plan p WHERE p.id = a.plan_id AND p.status IN ('APPROVING', 'APPROVED');

-- the steps of a delta approval: shipments cancelled with their stock kept for the re-plan, releases of
-- reservations, team assignments released
ALTER TABLE approval_step DROP CONSTRAINT approval_step_kind_check;
ALTER TABLE approval_step ADD CONSTRAINT approval_step_kind_check
    CHECK (kind IN ('RESERVATION', 'TEAM', 'SHIPMENT', 'CANCEL', 'RELEASE', 'TEAM_RELEASE'));
