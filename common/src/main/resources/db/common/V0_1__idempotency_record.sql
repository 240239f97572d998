-- Shared by every service (flyway locations db/migration,db/common): the Idempotency-Key store.
CREATE TABLE idempotency_record (
    scope         VARCHAR(100) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INTEGER,
    location      TEXT,
    response_body TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
