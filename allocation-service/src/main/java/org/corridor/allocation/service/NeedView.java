package org.corridor.allocation.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Priority;

/** A material need of a site. */
public record NeedView(UUID id, UUID incidentId, UUID siteId, String itemCode, int quantity, Priority priority,
        Instant deliverBy) {

    static NeedView of(Need n) {
        return new NeedView(n.id, n.incidentId, n.siteId, n.itemCode, n.quantity, n.priority, n.deliverBy);
    }
}
