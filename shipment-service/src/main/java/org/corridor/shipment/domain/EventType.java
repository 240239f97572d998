package org.corridor.shipment.domain;

/** A tracking event; each one moves the shipment to the status of the same name. */
public enum EventType {
    DISPATCHED, IN_TRANSIT, AT_BORDER, CUSTOMS_HOLD, CUSTOMS_RELEASED, ARRIVED, DELIVERED, CANCELLED, LOST;

    public ShipmentStatus target() {
        return ShipmentStatus.valueOf(name());
    }
}
