-- GET /reservations?referencePrefix=plan-&status=HELD (allocation's orphan reservation sweep, every minute on every
-- replica) filters with reference LIKE 'plan-%' ESCAPE '!' and status = 'HELD'. reservation_reference_idx (V3) uses
-- the database's collation, which serves a LIKE prefix only under the C collation; text_pattern_ops compares
-- character by character, so a prefix becomes an index range whatever the collation. Nearly every reservation is an
-- approval's (plan-...), while few are still HELD: status leads, so the sweep's scan covers the HELD ones only.
CREATE INDEX reservation_status_reference_prefix_idx ON reservation (status, reference text_pattern_ops);
