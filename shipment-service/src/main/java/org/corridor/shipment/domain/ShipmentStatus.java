package org.corridor.shipment.domain;

/** Where a shipment is in its life; see {@link Transitions} for the moves between statuses. */
public enum ShipmentStatus {
    PLANNED, DISPATCHED, IN_TRANSIT, AT_BORDER, CUSTOMS_HOLD, CUSTOMS_RELEASED, ARRIVED, DELIVERED, CANCELLED, LOST;

    public boolean isTerminal() {
        return Transitions.allowedFrom(this).isEmpty();
    }
}
