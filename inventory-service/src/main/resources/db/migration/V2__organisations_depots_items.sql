CREATE TABLE organisation (
    id           UUID         PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    type         VARCHAR(30)  NOT NULL CHECK (type IN ('GOVERNMENT', 'UN_AGENCY', 'NGO', 'RED_CROSS_RED_CRESCENT', 'DONOR_AGENCY', 'PRIVATE_SECTOR')),
    country_code VARCHAR(3)   NOT NULL REFERENCES country (code),
    created_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE depot (
    id              UUID             PRIMARY KEY,
    code            VARCHAR(40)      NOT NULL UNIQUE,
    name            VARCHAR(200)     NOT NULL,
    country_code    VARCHAR(3)       NOT NULL REFERENCES country (code),
    latitude        DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    organisation_id UUID             NOT NULL REFERENCES organisation (id),
    kind            VARCHAR(30)      NOT NULL CHECK (kind IN ('NATIONAL_RESERVE', 'UN_HUB', 'NGO_WAREHOUSE', 'PREPOSITIONED')),
    created_at      TIMESTAMPTZ      NOT NULL
);
CREATE INDEX depot_country_idx ON depot (country_code);

CREATE TABLE item (
    code            VARCHAR(40)      PRIMARY KEY,
    name            VARCHAR(200)     NOT NULL,
    category        VARCHAR(20)      NOT NULL CHECK (category IN ('SHELTER', 'WASH', 'FOOD', 'HEALTH', 'NFI', 'LOGISTICS')),
    unit            VARCHAR(40)      NOT NULL,
    unit_weight_kg  DOUBLE PRECISION NOT NULL CHECK (unit_weight_kg > 0),
    unit_volume_m3  DOUBLE PRECISION NOT NULL CHECK (unit_volume_m3 > 0),
    shelf_life_days INTEGER          CHECK (shelf_life_days > 0)
);

-- The relief catalogue. Weights and volumes are per unit, packed for transport; sources are the
-- figures in shared/CONVENTIONS.md where it gives one (tent 55 kg / 0.282 m3, tarpaulin ~4 kg,
-- HEB carton 10 kg, 14 l bucket 0.72 kg, hygiene kit ~5 kg, blanket ~1.5 kg, jerrycan ~0.5 kg
-- empty), otherwise typical IFRC/UNICEF/WHO/WFP catalogue values. shelf_life_days is set for
-- items that perish (food, medicines, chemicals, soap); NULL for durable goods.
INSERT INTO item (code, name, category, unit, unit_weight_kg, unit_volume_m3, shelf_life_days) VALUES
-- shelter: family tent 16 m2 floor for 5 persons (Sphere: 3.5 m2 covered space per person)
('SHL-TENT-FAMILY',   'Family tent, 16 m2 floor, 5 persons',                       'SHELTER',   'each',   55.0,   0.282,  NULL),
('SHL-TARP-4X5',      'Plastic sheeting tarpaulin, reinforced, 4 x 5 m',           'SHELTER',   'each',    4.0,   0.010,  NULL),
('SHL-TOOLKIT',       'Shelter tool kit (rope, nails, hammer, shovel, saw)',       'SHELTER',   'kit',    10.0,   0.035,  NULL),
('SHL-SLEEPING-MAT',  'Sleeping mat, 180 x 90 cm',                                 'SHELTER',   'each',    1.0,   0.012,  NULL),
-- non-food items
('NFI-BLANKET',       'Blanket, thermal, 150 x 200 cm',                            'NFI',       'each',    1.5,   0.006,  NULL),
('NFI-KITCHEN-SET',   'Kitchen set, one family',                                   'NFI',       'kit',     6.6,   0.030,  NULL),
('NFI-MOSQUITO-NET',  'Mosquito net, long-lasting insecticidal, family size',     'NFI',       'each',    0.6,   0.0025, 1825),
('NFI-SOLAR-LAMP',    'Solar lamp with phone charger',                             'NFI',       'each',    0.35,  0.002,  NULL),
('NFI-DIGNITY-KIT',   'Dignity kit, one woman for three months',                   'NFI',       'kit',     2.0,   0.010,  1095),
-- water, sanitation, hygiene (Sphere: 15 l of water per person per day)
('WASH-HYGIENE-KIT',  'Hygiene kit, one family for one month',                     'WASH',      'kit',     5.0,   0.025,  1095),
('WASH-BUCKET-14L',   'Bucket with lid, 14 l',                                     'WASH',      'each',    0.72,  0.020,  NULL),
('WASH-JERRYCAN-10L', 'Jerrycan, collapsible, 10 l',                               'WASH',      'each',    0.45,  0.003,  NULL),
('WASH-JERRYCAN-20L', 'Jerrycan, collapsible, 20 l',                               'WASH',      'each',    0.55,  0.005,  NULL),
('WASH-AQUATABS',     'Water purification tablets, NaDCC 67 mg (1 tablet per 20 l), box of 1,000', 'WASH', 'box', 0.35, 0.0008, 1825),
('WASH-PUR-SACHETS',  'Water purification sachets, flocculant-disinfectant 4 g (1 sachet per 10 l), carton of 240', 'WASH', 'carton', 1.2, 0.005, 1095),
('WASH-TANK-5000L',   'Water bladder tank, collapsible, 5,000 l',                  'WASH',      'each',   50.0,   0.200,  NULL),
('WASH-LATRINE-SLAB', 'Latrine slab, plastic, 120 x 80 cm',                        'WASH',      'each',    7.0,   0.030,  NULL),
-- food (WFP ration per person per day: 400 g cereal, 60 g pulses, 25 g oil, 50 g corn-soya blend,
-- 15 g sugar, 5 g salt = 555 g, about 2,100 kcal; 30 days = 16.65 kg)
('FOOD-HEB-CARTON',   'High-energy biscuits, carton of 10 kg (>= 450 kcal per 100 g)', 'FOOD',  'carton', 10.0,   0.036,  730),
('FOOD-RATION-WFP',   'WFP general food ration, one person for 30 days',          'FOOD',      'ration', 16.65,  0.025,  365),
('FOOD-CSB-25KG',     'Corn-soya blend (Super Cereal), bag of 25 kg',             'FOOD',      'bag',    25.0,   0.040,  365),
('FOOD-RUTF-CARTON',  'Ready-to-use therapeutic food, carton of 150 sachets of 92 g', 'FOOD',   'carton', 15.0,   0.030,  730),
-- health
('HEALTH-IEHK-BASIC', 'Interagency emergency health kit, basic module (1,000 persons, 3 months)', 'HEALTH', 'kit', 45.0, 0.200, 730),
('HEALTH-IEHK-SUPPL', 'Interagency emergency health kit, supplementary module (10,000 persons, 3 months)', 'HEALTH', 'kit', 410.0, 1.800, 730),
('HEALTH-ORS-100',    'Oral rehydration salts, 20.5 g sachets, box of 100',        'HEALTH',    'box',     2.3,   0.006,  1095),
('HEALTH-FIRST-AID',  'First aid kit, community',                                  'HEALTH',    'kit',     1.2,   0.004,  1095),
('HEALTH-BODY-BAG',   'Body bag, heavy duty, with handles',                        'HEALTH',    'each',    2.5,   0.006,  NULL),
-- logistics
('LOG-GENERATOR-5KVA','Generator, diesel, 5 kVA',                                  'LOGISTICS', 'each',  115.0,   0.420,  NULL),
('LOG-GENERATOR-20KVA','Generator, diesel, 20 kVA, silent',                        'LOGISTICS', 'each',  650.0,   2.300,  NULL),
('LOG-MSU-10X24',     'Mobile storage unit (tent warehouse), 10 x 24 m',           'LOGISTICS', 'each', 1400.0,   4.500,  NULL),
('LOG-LIGHT-TOWER',   'Lighting tower, LED, 4 x 320 W, with generator',           'LOGISTICS', 'each',  750.0,   3.000,  NULL);
