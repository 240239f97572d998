CREATE TABLE country (
    code      VARCHAR(3)         PRIMARY KEY,
    name      VARCHAR(100)     NOT NULL,
    region    VARCHAR(50)      NOT NULL,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL
);

INSERT INTO country (code, name, region, latitude, longitude) VALUES
('TUR', 'Türkiye', 'Asia', 38.96, 35.24),
('SYR', 'Syrian Arab Republic', 'Asia', 34.80, 38.99),
('ITA', 'Italy', 'Europe', 41.87, 12.57);
