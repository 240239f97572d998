package org.corridor.shipment.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.shipment.domain.EventType;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockEffect;
import org.corridor.shipment.service.EventView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ShipmentEvent", description = "One tracking event; append-only")
public record EventDto(
        @Schema(description = "Event id", example = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d") UUID id,
        @Schema(description = "Shipment", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") UUID shipmentId,
        @Schema(description = "Position in the shipment's history, from 1", example = "1") int sequence,
        @Schema(description = "Event type", example = "DISPATCHED") EventType type,
        @Schema(description = "Status before the event", example = "PLANNED") ShipmentStatus fromStatus,
        @Schema(description = "Status after the event", example = "DISPATCHED") ShipmentStatus toStatus,
        @Schema(description = "When it happened (UTC)", example = "2026-11-23T06:10:00Z") Instant at,
        @Schema(description = "Where it happened, if given", example = "Cilvegözü border crossing") String location,
        @Schema(description = "Latitude, if given", example = "36.22") Double latitude,
        @Schema(description = "Longitude, if given", example = "36.64") Double longitude,
        @Schema(description = "Note", example = "Convoy of 3 trucks left the hub") String note,
        @Schema(description = "Effect on stock in inventory-service when the event was recorded, if any. "
                + "RELEASE_PENDING or RELEASE_REFUSED on a CANCELLED event: the release had not gone through then; "
                + "the shipment's stock says where it stands now",
                example = "RESERVATION_CONSUMED") StockEffect stockEffect,
        @Schema(description = "With stockEffect STOCK_HANDED_OVER (a CANCELLED of a PLANNED shipment by a re-plan's "
                + "approval): the reservation in inventory-service that holds the shipment's units now; nothing was "
                + "released. Absent otherwise",
                example = "8f7e6d5c-4b3a-4291-8e7d-6c5b4a3f2e1d") UUID stockHandedOverTo,
        @Schema(description = "When the service recorded it (UTC)",
                example = "2026-11-23T06:11:02.512Z") Instant recordedAt) {

    public static EventDto from(EventView e) {
        return new EventDto(e.id(), e.shipmentId(), e.sequence(), e.type(), e.fromStatus(), e.toStatus(), e.at(),
                e.location(), e.latitude(), e.longitude(), e.note(), e.stockEffect(), e.stockHandedOverTo(),
                e.recordedAt());
    }
}
