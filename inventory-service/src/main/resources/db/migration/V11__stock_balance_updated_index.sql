-- GET /stock?since=...&sinceId=... reads the lots whose balance changed after a keyset position (updated_at, lot_id):
-- the index serves both the filter and the order, so a dashboard's poll stays an index range scan.
CREATE INDEX stock_balance_updated_idx ON stock_balance (updated_at, lot_id);
