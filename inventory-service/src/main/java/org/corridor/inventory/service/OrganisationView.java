package org.corridor.inventory.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.Organisation;
import org.corridor.inventory.domain.OrganisationType;

/** A registered organisation. */
public record OrganisationView(UUID id, String name, OrganisationType type, String countryCode, Instant createdAt) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id, o.name, o.type, o.countryCode, o.createdAt);
    }
}
