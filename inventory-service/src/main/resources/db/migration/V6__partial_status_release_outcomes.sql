-- The public contract names the mixed final status (partly consumed, partly released) PARTIAL; it was stored as SETTLED.
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
UPDATE reservation SET status = 'PARTIAL' WHERE status = 'SETTLED';
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check
    CHECK (status IN ('HELD', 'RELEASED', 'CONSUMED', 'PARTIAL'));

-- A release settles, per line, min(asked, still held). What each settlement really settled is kept beside the lines it
-- asked for, in the same order ("lotId:quantity,..."), so that a replay of its reference answers the same.
-- NULL for the settlements made before this migration: those were all or nothing, so they settled exactly their lines.
ALTER TABLE reservation_settlement ADD COLUMN settled TEXT;

-- GET /reservations pages oldest first (created_at, id); allocation asks by reference (reservation_reference_idx, V3).
CREATE INDEX reservation_created_idx ON reservation (created_at, id);

-- GET /teams?assignmentReference= : the teams an approval assigned under its reference.
CREATE INDEX team_assignment_reference_idx ON team (assignment_reference) WHERE assignment_reference IS NOT NULL;
