-- The orphan team sweep (service/approval/OrphanTeams) fences a plan before it releases teams left assigned under
-- plan-<id>: until this instant, an approval of the plan that starts waits (its run is due no earlier), so the sweep's
-- release, which names the reference and not the attempt, can never free a team a new attempt has just claimed.
ALTER TABLE plan ADD COLUMN orphan_sweep_until TIMESTAMPTZ;
