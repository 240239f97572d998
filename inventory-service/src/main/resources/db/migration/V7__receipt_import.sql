-- A donor's bulk receipt (POST /receipt-imports): which lots one upload created, in the order of its rows, so that
-- GET /receipt-imports/{id} answers what the POST answered.
CREATE TABLE receipt_import (
    id         UUID        PRIMARY KEY,
    row_count  INTEGER     NOT NULL CHECK (row_count > 0),
    lot_ids    UUID[]      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
