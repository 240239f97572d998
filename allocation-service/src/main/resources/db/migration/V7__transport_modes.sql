-- Transport as it is on the ground: access rules per transport mode, sites with a port.
-- modes: comma-separated ROAD,AIR,SEA the rule stops; NULL = every mode (every rule before this migration).
ALTER TABLE access_rule ADD COLUMN modes VARCHAR(20);
-- seaport: ships can unload at the site (SEA deliveries from depots with a port).
ALTER TABLE incident_site ADD COLUMN seaport BOOLEAN NOT NULL DEFAULT FALSE;
