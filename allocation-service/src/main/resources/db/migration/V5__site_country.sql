-- A site may lie in another country than its incident's (a cross-border response); existing sites take
-- their incident's country.
ALTER TABLE incident_site ADD COLUMN country_code varchar(3);
UPDATE incident_site s SET country_code = i.country_code FROM incident i WHERE i.id = s.incident_id;
ALTER TABLE incident_site ALTER COLUMN country_code SET NOT NULL;
