-- Conditional reads that cost less than reads: a version per polled collection, bumped in the same transaction as
-- every write that changes its answers, so that GET /shipments answers If-None-Match with 304 after
-- reading this one row, without building the body (the ETag is derived from the version and the request).
--
-- The bump is a deferred constraint trigger: it runs at commit, after every other lock of the transaction is taken,
-- so the marker row is held only for the instant of the commit and cannot take part in a deadlock; and it updates
-- the row once per transaction, however many rows the transaction wrote (a transaction-local setting remembers it).
CREATE TABLE change_marker (
    name       VARCHAR(40) PRIMARY KEY,
    version    BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO change_marker (name, version, changed_at) VALUES ('shipments', 1, now());

CREATE FUNCTION bump_change_marker() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    flag TEXT := 'corridor.change_marker_' || TG_ARGV[0];
    tx   TEXT := txid_current()::text;
BEGIN
    IF current_setting(flag, true) IS DISTINCT FROM tx THEN
        PERFORM set_config(flag, tx, true);
        UPDATE change_marker SET version = version + 1, changed_at = clock_timestamp() WHERE name = TG_ARGV[0];
    END IF;
    RETURN NULL;
END;
$$;

-- what GET /shipments shows: shipments and their lines
CREATE CONSTRAINT TRIGGER shipment_marks_shipments AFTER INSERT OR UPDATE OR DELETE ON shipment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_marker('shipments');
CREATE CONSTRAINT TRIGGER shipment_line_marks_shipments AFTER INSERT OR UPDATE OR DELETE ON shipment_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_marker('shipments');
