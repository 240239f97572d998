package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** HELD until released (stock back to available) or consumed (stock issued out of the depot). */
@Schema(description = "Status of a reservation")
public enum ReservationStatus { HELD, RELEASED, CONSUMED }
