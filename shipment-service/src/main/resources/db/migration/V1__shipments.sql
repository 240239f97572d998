-- Shipments created from approved plans, their lines (with proof-of-delivery quantities) and their
-- append-only tracking events.
CREATE TABLE shipment (
    id                       UUID         PRIMARY KEY,
    plan_id                  UUID         NOT NULL,
    incident_id              UUID         NOT NULL,
    origin_depot_id          UUID         NOT NULL,
    origin_country_code      VARCHAR(3),
    site_id                  UUID         NOT NULL,
    site_name                VARCHAR(200),
    destination_country_code VARCHAR(3),
    mode                     VARCHAR(10)  NOT NULL,
    vehicles                 INTEGER,
    planned_departure        TIMESTAMPTZ  NOT NULL,
    estimated_arrival        TIMESTAMPTZ  NOT NULL,
    -- one inventory reservation per shipment: consumed at dispatch, released on cancellation
    reservation_id           UUID         NOT NULL UNIQUE,
    status                   VARCHAR(20)  NOT NULL,
    stock                    VARCHAR(20)  NOT NULL,
    dispatched_at            TIMESTAMPTZ,
    pod_received_by          VARCHAR(200),
    pod_received_at          TIMESTAMPTZ,
    pod_recorded_at          TIMESTAMPTZ,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX shipment_incident_idx ON shipment (incident_id);
CREATE INDEX shipment_updated_idx ON shipment (updated_at, id);

CREATE TABLE shipment_line (
    id                UUID             PRIMARY KEY,
    shipment_id       UUID             NOT NULL REFERENCES shipment (id),
    line_no           INTEGER          NOT NULL,
    item_code         VARCHAR(64)      NOT NULL,
    lot_id            UUID             NOT NULL,
    quantity          INTEGER          NOT NULL CHECK (quantity > 0),
    weight_kg         DOUBLE PRECISION NOT NULL CHECK (weight_kg >= 0),
    accepted          INTEGER CHECK (accepted >= 0),
    rejected          INTEGER CHECK (rejected >= 0),
    rejection_reason  VARCHAR(500),
    UNIQUE (shipment_id, line_no),
    UNIQUE (shipment_id, item_code, lot_id)
);

CREATE TABLE shipment_event (
    id            UUID         PRIMARY KEY,
    shipment_id   UUID         NOT NULL REFERENCES shipment (id),
    seq           INTEGER      NOT NULL,
    type          VARCHAR(20)  NOT NULL,
    from_status   VARCHAR(20)  NOT NULL,
    at            TIMESTAMPTZ  NOT NULL,
    location      VARCHAR(200),
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    note          VARCHAR(1000),
    stock_effect  VARCHAR(30),
    recorded_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (shipment_id, seq)
);
