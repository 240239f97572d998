-- Each shipment's settlement of its own lines of the plan's reservation in inventory-service: the operation asked
-- for, the attempts, when the next one is due (a release waiting for inventory-service to come back), when inventory
-- confirmed it, and a note for operators. stock also takes RELEASE_PENDING and RELEASE_REFUSED.
ALTER TABLE shipment
    ADD COLUMN stock_operation       VARCHAR(10),
    ADD COLUMN stock_attempts        INTEGER       NOT NULL DEFAULT 0,
    ADD COLUMN stock_last_attempt_at TIMESTAMPTZ,
    ADD COLUMN stock_next_attempt_at TIMESTAMPTZ,
    ADD COLUMN stock_settled_at      TIMESTAMPTZ,
    ADD COLUMN stock_note            VARCHAR(2000);

-- Shipments settled before this column set existed: consumed at dispatch, or released when cancelled before it.
UPDATE shipment SET stock_operation = 'CONSUME', stock_attempts = 1, stock_last_attempt_at = dispatched_at,
                    stock_settled_at = dispatched_at
 WHERE dispatched_at IS NOT NULL;
UPDATE shipment SET stock_operation = 'RELEASE', stock_attempts = 1, stock_last_attempt_at = updated_at,
                    stock_settled_at = updated_at
 WHERE stock = 'RELEASED';

-- The background retry looks for pending releases that are due.
CREATE INDEX shipment_stock_due_idx ON shipment (stock_next_attempt_at) WHERE stock = 'RELEASE_PENDING';
-- GET /shipments?planId=... is ordered by updatedAt then id, like every list of shipments.
CREATE INDEX shipment_plan_idx ON shipment (plan_id, updated_at, id);
