package org.corridor.allocation.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Priority;
import org.corridor.allocation.service.coverage.NeedCoverage;

/** A material need of a site, with how far approved plans cover it. */
public record NeedView(UUID id, UUID incidentId, UUID siteId, String itemCode, int quantity, Priority priority,
        Instant deliverBy, NeedCoverage coverage, Instant createdAt) {

    static NeedView of(Need n, NeedCoverage coverage) {
        return new NeedView(n.id, n.incidentId, n.siteId, n.itemCode, n.quantity, n.priority, n.deliverBy,
                coverage == null ? NeedCoverage.none(n.quantity) : coverage, n.createdAt);
    }
}
