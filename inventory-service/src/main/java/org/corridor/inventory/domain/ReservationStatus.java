package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * HELD while any quantity is held; once nothing is: CONSUMED (all issued out of the depot), RELEASED (all back to
 * available), or SETTLED (partly consumed, partly released, e.g. a plan whose shipments were dispatched but one was
 * cancelled).
 */
@Schema(description = "Status of a reservation")
public enum ReservationStatus {
    HELD, RELEASED, CONSUMED, SETTLED
}
