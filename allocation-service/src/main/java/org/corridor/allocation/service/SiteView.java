package org.corridor.allocation.service;

import java.util.UUID;
import org.corridor.allocation.domain.Site;

/** An affected site of an incident. */
public record SiteView(UUID id, String name, String countryCode, double latitude, double longitude,
        int affectedPopulation, boolean seaport) {

    static SiteView of(Site s) {
        return new SiteView(s.id, s.name, s.countryCode, s.latitude, s.longitude, s.affectedPopulation, s.seaport);
    }
}
