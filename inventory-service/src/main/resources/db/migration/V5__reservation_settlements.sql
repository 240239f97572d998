-- Partial settlement of a reservation: one reservation per plan is consumed shipment by shipment
-- (and released shipment by shipment when one is cancelled). Each line keeps how much of it was
-- consumed and released; held = quantity - consumed - released.
ALTER TABLE reservation_line
    ADD COLUMN consumed BIGINT NOT NULL DEFAULT 0 CHECK (consumed >= 0),
    ADD COLUMN released BIGINT NOT NULL DEFAULT 0 CHECK (released >= 0);
UPDATE reservation_line l SET consumed = l.quantity FROM reservation r WHERE r.id = l.reservation_id AND r.status = 'CONSUMED';
UPDATE reservation_line l SET released = l.quantity FROM reservation r WHERE r.id = l.reservation_id AND r.status = 'RELEASED';
ALTER TABLE reservation_line ADD CONSTRAINT reservation_line_settled_within_quantity CHECK (consumed + released <= quantity);

-- HELD while anything is held; when nothing is: CONSUMED, RELEASED, or SETTLED (partly each)
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check CHECK (status IN ('HELD', 'RELEASED', 'CONSUMED', 'SETTLED'));

-- One row per settlement by reference (e.g. a shipment id): the same reference again is a replay.
CREATE TABLE reservation_settlement (
    reservation_id UUID         NOT NULL REFERENCES reservation (id),
    kind           VARCHAR(10)  NOT NULL CHECK (kind IN ('CONSUME', 'RELEASE')),
    reference      VARCHAR(200) NOT NULL,
    lines          TEXT         NOT NULL,
    settled_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (reservation_id, kind, reference)
);
