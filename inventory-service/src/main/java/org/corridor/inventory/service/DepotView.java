package org.corridor.inventory.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.Depot;
import org.corridor.inventory.domain.DepotKind;

/** A registered depot. */
public record DepotView(UUID id, String code, String name, String countryCode, double latitude, double longitude,
        UUID organisationId, DepotKind kind, Instant createdAt, boolean seaport) {

    static DepotView of(Depot d) {
        return new DepotView(d.id, d.code, d.name, d.countryCode, d.latitude, d.longitude, d.organisationId, d.kind,
                d.createdAt, d.seaport);
    }
}
