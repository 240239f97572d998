package org.corridor.shipment.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.corridor.shipment.domain.EventType;
import org.corridor.shipment.service.TrackingService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ShipmentEventRequest",
        description = "A tracking event; it moves the shipment to the status of the same name")
public record EventRequest(
        @Schema(description = "Event type; DELIVERED is recorded through proof of delivery",
                example = "DISPATCHED") @NotNull EventType type,
        @Schema(description = "When it happened (UTC); not before the previous event",
                example = "2026-11-23T06:10:00Z") @NotNull Instant at,
        @Schema(description = "Where it happened, in words",
                example = "Cilvegözü border crossing") @Size(max = 200) String location,
        @Schema(description = "Latitude of the position, if known", example = "36.22") @DecimalMin(value = "-90",
                message = "must be between -90 and 90") @DecimalMax(value = "90",
                        message = "must be between -90 and 90") Double latitude,
        @Schema(description = "Longitude of the position, if known", example = "36.64") @DecimalMin(value = "-180",
                message = "must be between -180 and 180") @DecimalMax(value = "180",
                        message = "must be between -180 and 180") Double longitude,
        @Schema(description = "Free note",
                example = "Convoy of 3 trucks left the UNHRD Dubai hub") @Size(max = 1000) String note,
        @Schema(description = "Only with type CANCELLED of a PLANNED shipment, sent by a re-plan's approval: the "
                + "reservation in inventory-service that now holds the shipment's units (handed over from the "
                + "shipment's reservation in one transaction). The shipment is cancelled and NOTHING is released; "
                + "the event (stockEffect STOCK_HANDED_OVER) and the shipment's stock (HANDED_OVER, "
                + "stockSettlement.handedOverTo) record the reservation. Refused with 400 on any other event type and "
                + "409 on a shipment that is no longer PLANNED",
                example = "8f7e6d5c-4b3a-4291-8e7d-6c5b4a3f2e1d") UUID stockHandedOverTo) {

    public TrackingService.NewEvent toCommand() {
        return new TrackingService.NewEvent(type, at, location, latitude, longitude, note, stockHandedOverTo);
    }
}
