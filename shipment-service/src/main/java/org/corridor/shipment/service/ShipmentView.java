package org.corridor.shipment.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.domain.EventType;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockState;
import org.corridor.shipment.domain.Transitions;
import org.corridor.shipment.domain.TransportMode;

/** A shipment as the use cases answer it: its fields, lines, and the events that may follow its status. */
public record ShipmentView(UUID id, UUID planId, UUID incidentId, UUID originDepotId, String originCountryCode,
        UUID siteId, String siteName, String destinationCountryCode, TransportMode mode, Integer vehicles,
        List<Line> lines, Instant plannedDeparture, Instant estimatedArrival, UUID reservationId, ShipmentStatus status,
        StockState stock, List<EventType> allowedEvents, Instant dispatchedAt, String receivedBy, Instant receivedAt,
        Instant createdAt, Instant updatedAt) {

    /** One lot carried; {@code accepted}, {@code rejected} and the reason once the proof of delivery is recorded. */
    public record Line(String itemCode, UUID lotId, int quantity, double weightKg, Integer accepted, Integer rejected,
            String rejectionReason) {

        static Line of(ShipmentLine l) {
            return new Line(l.itemCode, l.lotId, l.quantity, l.weightKg, l.accepted, l.rejected, l.rejectionReason);
        }
    }

    /** Reads the entity (and its lazily loaded lines): call inside the transaction. */
    static ShipmentView of(Shipment s) {
        return new ShipmentView(s.id, s.planId, s.incidentId, s.originDepotId, s.originCountryCode, s.siteId,
                s.siteName, s.destinationCountryCode, s.mode, s.vehicles, s.lines.stream().map(Line::of).toList(),
                s.plannedDeparture, s.estimatedArrival, s.reservationId, s.status, s.stock,
                List.copyOf(Transitions.allowedFrom(s.status)), s.dispatchedAt, s.podReceivedBy, s.podReceivedAt,
                s.createdAt, s.updatedAt);
    }
}
