-- A depot with a port ships can load at: allocation-service may plan SEA shipments from it (to sites with a port).
ALTER TABLE depot ADD COLUMN seaport BOOLEAN NOT NULL DEFAULT FALSE;
