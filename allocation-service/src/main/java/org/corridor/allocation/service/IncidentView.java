package org.corridor.allocation.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.IncidentType;

/** A disaster with its affected sites, as the incident use cases answer it. */
public record IncidentView(UUID id, String name, IncidentType type, String glide, String countryCode,
        Instant startedAt, List<SiteView> sites, IncidentStatus status, Instant closedAt) {

    /** Reads the incident's sites: call it inside the transaction that loaded the incident. */
    static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.name, i.type, i.glide, i.countryCode, i.startedAt,
                i.sites.stream().map(SiteView::of).toList(), i.status, i.closedAt);
    }
}
