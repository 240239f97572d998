-- One reservation per plan, shared by the plan's shipments: each shipment consumes (at dispatch) or
-- releases (when cancelled before dispatch) only its own lines of it, under its own reference.
ALTER TABLE shipment DROP CONSTRAINT shipment_reservation_id_key;
CREATE INDEX shipment_reservation_idx ON shipment (reservation_id);
