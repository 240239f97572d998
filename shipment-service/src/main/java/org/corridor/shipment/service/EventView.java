package org.corridor.shipment.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.shipment.domain.EventType;
import org.corridor.shipment.domain.ShipmentEvent;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockEffect;

/** One recorded tracking event; {@code sequence} numbers a shipment's events from 1. */
public record EventView(UUID id, UUID shipmentId, int sequence, EventType type, ShipmentStatus fromStatus,
        ShipmentStatus toStatus, Instant at, String location, Double latitude, Double longitude, String note,
        StockEffect stockEffect, UUID stockHandedOverTo, Instant recordedAt) {

    static EventView of(ShipmentEvent e) {
        return new EventView(e.id, e.shipmentId, e.seq, e.type, e.fromStatus, e.type.target(), e.at, e.location,
                e.latitude, e.longitude, e.note, e.stockEffect, e.stockHandedOverTo, e.recordedAt);
    }
}
