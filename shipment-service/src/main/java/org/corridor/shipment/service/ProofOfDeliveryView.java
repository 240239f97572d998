package org.corridor.shipment.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;

/** A recorded proof of delivery: who received the goods, when, and per shipped line what was accepted. */
public record ProofOfDeliveryView(UUID shipmentId, String receivedBy, Instant receivedAt, Instant recordedAt,
        List<Line> lines) {

    /** One shipped lot: the quantity shipped and what was accepted and rejected of it. */
    public record Line(String itemCode, UUID lotId, int shipped, int accepted, int rejected, String rejectionReason) {

        static Line of(ShipmentLine l) {
            return new Line(l.itemCode, l.lotId, l.quantity, l.accepted, l.rejected, l.rejectionReason);
        }
    }

    /** Reads the proof recorded on {@code s} (and its lazily loaded lines): call inside the transaction. */
    static ProofOfDeliveryView of(Shipment s) {
        return new ProofOfDeliveryView(s.id, s.podReceivedBy, s.podReceivedAt, s.podRecordedAt,
                s.lines.stream().map(Line::of).toList());
    }
}
