package org.corridor.inventory.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.inventory.domain.Reservation;
import org.corridor.inventory.domain.ReservationStatus;

/** A reservation and what each of its lines holds, has consumed and has released. */
public record ReservationView(UUID id, String reference, ReservationStatus status, List<Line> lines,
        Instant createdAt, Instant updatedAt) {

    /** A lot and quantity of a reservation: {@code held = quantity - consumed - released}. */
    public record Line(UUID lotId, String itemCode, long quantity, long consumed, long released, long held) {
    }

    static ReservationView of(Reservation r) {
        return new ReservationView(r.id, r.reference, r.status,
                r.lines.stream().map(l -> new Line(l.lotId, l.itemCode, l.quantity, l.consumed, l.released, l.held()))
                        .toList(),
                r.createdAt, r.updatedAt);
    }
}
