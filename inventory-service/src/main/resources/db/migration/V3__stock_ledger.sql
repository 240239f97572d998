-- A lot of one item in one depot. Quantities are never stored here: see ledger_entry and stock_balance.
CREATE TABLE stock_lot (
    id                     UUID         PRIMARY KEY,
    depot_id               UUID         NOT NULL REFERENCES depot (id),
    item_code              VARCHAR(40)  NOT NULL REFERENCES item (code),
    lot_code               VARCHAR(60)  NOT NULL,
    expires_on             DATE,
    donor_organisation_id  UUID         NOT NULL REFERENCES organisation (id),
    earmark_country_codes  VARCHAR(3)[],
    earmark_incident_types VARCHAR(20)[],
    received_at            TIMESTAMPTZ  NOT NULL,
    UNIQUE (depot_id, item_code, lot_code)
);
CREATE INDEX stock_lot_item_idx ON stock_lot (item_code);

-- The append-only ledger: every change of on-hand or reserved quantity of a lot is one row here.
CREATE TABLE ledger_entry (
    id                UUID         PRIMARY KEY,
    seq               BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    lot_id            UUID         NOT NULL REFERENCES stock_lot (id),
    type              VARCHAR(20)  NOT NULL CHECK (type IN ('RECEIPT', 'ISSUE', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'REVERSAL')),
    on_hand_delta     BIGINT       NOT NULL,
    reserved_delta    BIGINT       NOT NULL,
    on_hand_after     BIGINT       NOT NULL,
    reserved_after    BIGINT       NOT NULL,
    reason            VARCHAR(30)  CHECK (reason IN ('DAMAGED', 'EXPIRED', 'LOST', 'FOUND', 'COUNT_CORRECTION')),
    reservation_id    UUID,
    -- at most one reversal per entry
    reverses_entry_id UUID         UNIQUE REFERENCES ledger_entry (id),
    note              VARCHAR(500),
    occurred_at       TIMESTAMPTZ  NOT NULL,
    CHECK ((type = 'ADJUSTMENT') = (reason IS NOT NULL)),
    CHECK ((type = 'REVERSAL') = (reverses_entry_id IS NOT NULL))
);
CREATE INDEX ledger_entry_lot_idx ON ledger_entry (lot_id, seq);
CREATE INDEX ledger_entry_occurred_idx ON ledger_entry (occurred_at);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER ledger_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

-- Running totals per lot, written in the same transaction as each ledger entry, under a row lock.
CREATE TABLE stock_balance (
    lot_id     UUID        PRIMARY KEY REFERENCES stock_lot (id),
    on_hand    BIGINT      NOT NULL,
    reserved   BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (reserved >= 0),
    CHECK (on_hand >= reserved)
);

CREATE TABLE reservation (
    id         UUID         PRIMARY KEY,
    reference  VARCHAR(200) NOT NULL,
    status     VARCHAR(20)  NOT NULL CHECK (status IN ('HELD', 'RELEASED', 'CONSUMED')),
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX reservation_reference_idx ON reservation (reference);

CREATE TABLE reservation_line (
    reservation_id UUID        NOT NULL REFERENCES reservation (id),
    line_no        INTEGER     NOT NULL,
    lot_id         UUID        NOT NULL REFERENCES stock_lot (id),
    item_code      VARCHAR(40) NOT NULL,
    quantity       BIGINT      NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, line_no)
);
