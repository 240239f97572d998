package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * HELD while any quantity is held; once nothing is: CONSUMED (all issued out of the depot), RELEASED (all back to
 * available), or PARTIAL (partly consumed, partly released, e.g. a plan whose shipments were dispatched but one was
 * cancelled). PARTIAL is the public contract's name; migration V6 renamed the rows that were stored as SETTLED.
 */
@Schema(description = "Status of a reservation: HELD while anything is held, then CONSUMED, RELEASED or PARTIAL "
        + "(partly consumed, partly released)", example = "HELD")
public enum ReservationStatus {
    HELD, RELEASED, CONSUMED, PARTIAL
}
