CREATE TABLE team (
    id                    UUID             PRIMARY KEY,
    name                  VARCHAR(200)     NOT NULL,
    country_code          VARCHAR(3)       NOT NULL REFERENCES country (code),
    organisation_id       UUID             NOT NULL REFERENCES organisation (id),
    type                  VARCHAR(30)      NOT NULL CHECK (type IN ('USAR_LIGHT', 'USAR_MEDIUM', 'USAR_HEAVY', 'EMT_TYPE_1_MOBILE', 'EMT_TYPE_1_FIXED', 'EMT_TYPE_2', 'EMT_TYPE_3', 'EMT_SPECIALISED_CELL', 'WASH', 'LOGISTICS')),
    members               INTEGER          NOT NULL CHECK (members > 0),
    base_latitude         DOUBLE PRECISION NOT NULL CHECK (base_latitude BETWEEN -90 AND 90),
    base_longitude        DOUBLE PRECISION NOT NULL CHECK (base_longitude BETWEEN -180 AND 180),
    mobilisation_hours    INTEGER          NOT NULL CHECK (mobilisation_hours >= 0),
    self_sufficiency_days INTEGER          NOT NULL CHECK (self_sufficiency_days >= 0),
    status                VARCHAR(20)      NOT NULL CHECK (status IN ('AVAILABLE', 'ASSIGNED', 'DEPLOYED', 'STOOD_DOWN')),
    assignment_reference  VARCHAR(200),
    assigned_at           TIMESTAMPTZ,
    created_at            TIMESTAMPTZ      NOT NULL,
    CHECK ((status = 'ASSIGNED') = (assignment_reference IS NOT NULL))
);
CREATE INDEX team_status_type_idx ON team (status, type);
