-- allocation-service schema: incidents with sites, needs, team needs, access rules, route overrides, plans.

CREATE TABLE incident (
    id           UUID         PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    type         VARCHAR(20)  NOT NULL,
    glide        VARCHAR(20),
    country_code VARCHAR(3)   NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    closed_at    TIMESTAMPTZ
);

CREATE TABLE incident_site (
    id                  UUID             PRIMARY KEY,
    incident_id         UUID             NOT NULL REFERENCES incident (id),
    name                VARCHAR(200)     NOT NULL,
    latitude            DOUBLE PRECISION NOT NULL,
    longitude           DOUBLE PRECISION NOT NULL,
    affected_population INTEGER          NOT NULL,
    position            INTEGER          NOT NULL
);
CREATE INDEX incident_site_incident ON incident_site (incident_id);

CREATE TABLE need (
    id          UUID         PRIMARY KEY,
    incident_id UUID         NOT NULL REFERENCES incident (id),
    site_id     UUID         NOT NULL REFERENCES incident_site (id),
    item_code   VARCHAR(64)  NOT NULL,
    quantity    INTEGER      NOT NULL CHECK (quantity > 0),
    priority    VARCHAR(10)  NOT NULL,
    deliver_by  TIMESTAMPTZ  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX need_incident ON need (incident_id);

CREATE TABLE team_need (
    id          UUID         PRIMARY KEY,
    incident_id UUID         NOT NULL REFERENCES incident (id),
    site_id     UUID         NOT NULL REFERENCES incident_site (id),
    team_type   VARCHAR(30)  NOT NULL,
    count       INTEGER      NOT NULL CHECK (count > 0),
    needed_by   TIMESTAMPTZ  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX team_need_incident ON team_need (incident_id);

CREATE TABLE access_rule (
    id                       UUID         PRIMARY KEY,
    origin_country_code      VARCHAR(3)   NOT NULL,
    destination_country_code VARCHAR(3)   NOT NULL,
    kind                     VARCHAR(20)  NOT NULL,
    applies_to               VARCHAR(10)  NOT NULL,
    reason                   VARCHAR(500) NOT NULL,
    valid_from               TIMESTAMPTZ  NOT NULL,
    valid_until              TIMESTAMPTZ,
    created_at               TIMESTAMPTZ  NOT NULL
);

CREATE TABLE route_override (
    id                       UUID             PRIMARY KEY,
    origin_country_code      VARCHAR(3)       NOT NULL,
    destination_country_code VARCHAR(3)       NOT NULL,
    mode                     VARCHAR(10)      NOT NULL,
    lead_time_seconds        BIGINT,
    cost_per_vehicle_km      DOUBLE PRECISION,
    note                     VARCHAR(500),
    created_at               TIMESTAMPTZ      NOT NULL,
    CONSTRAINT route_override_route UNIQUE (origin_country_code, destination_country_code, mode)
);

CREATE TABLE plan (
    id                      UUID          PRIMARY KEY,
    status                  VARCHAR(10)   NOT NULL,
    plan_from               TIMESTAMPTZ   NOT NULL,
    spent_limit_seconds     BIGINT        NOT NULL,
    unimproved_limit_seconds BIGINT       NOT NULL,
    weights                 TEXT,
    score                   VARCHAR(100),
    hard_score              BIGINT,
    medium_score            BIGINT,
    soft_score              BIGINT,
    feasible                BOOLEAN,
    stopped_early           BOOLEAN       NOT NULL DEFAULT FALSE,
    failure_reason          VARCHAR(1000),
    analysis                TEXT,
    created_at              TIMESTAMPTZ   NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL,
    finished_at             TIMESTAMPTZ
);
CREATE INDEX plan_status ON plan (status);

CREATE TABLE plan_incident (
    plan_id     UUID NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    incident_id UUID NOT NULL,
    PRIMARY KEY (plan_id, incident_id)
);

CREATE TABLE plan_line (
    id                  UUID        PRIMARY KEY,
    plan_id             UUID        NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position            INTEGER     NOT NULL,
    need_id             UUID        NOT NULL,
    site_id             UUID        NOT NULL,
    item_code           VARCHAR(64) NOT NULL,
    lot_id              UUID        NOT NULL,
    depot_id            UUID        NOT NULL,
    origin_country_code VARCHAR(3)  NOT NULL,
    quantity            INTEGER     NOT NULL,
    mode                VARCHAR(10) NOT NULL,
    departs_at          TIMESTAMPTZ NOT NULL,
    arrives_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_line_plan ON plan_line (plan_id);

CREATE TABLE plan_team_assignment (
    id           UUID        PRIMARY KEY,
    plan_id      UUID        NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    team_need_id UUID        NOT NULL,
    team_id      UUID        NOT NULL,
    arrives_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_team_assignment_plan ON plan_team_assignment (plan_id);

CREATE TABLE plan_unmet (
    id           UUID          PRIMARY KEY,
    plan_id      UUID          NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    need_id      UUID,
    team_need_id UUID,
    quantity     INTEGER       NOT NULL,
    reason       VARCHAR(2000) NOT NULL
);
CREATE INDEX plan_unmet_plan ON plan_unmet (plan_id);
