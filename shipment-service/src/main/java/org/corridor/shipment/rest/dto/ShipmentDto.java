package org.corridor.shipment.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.domain.EventType;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockState;
import org.corridor.shipment.domain.TransportMode;
import org.corridor.shipment.service.ShipmentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Shipment",
        description = "A consignment from an origin depot to an incident site, with its status and lines")
public record ShipmentDto(
        @Schema(description = "Shipment id", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") UUID id,
        @Schema(description = "Approved plan it comes from",
                example = "6f1c2a1e-4b7d-4f4e-9a7b-1d2c3e4f5a6b") UUID planId,
        @Schema(description = "Incident", example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f") UUID incidentId,
        @Schema(description = "Origin depot", example = "0b8f6f5e-2c1d-4e3f-8a9b-7c6d5e4f3a2b") UUID originDepotId,
        @Schema(description = "Country of the origin depot, if given", example = "ARE") String originCountryCode,
        @Schema(description = "Destination site", example = "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a") UUID siteId,
        @Schema(description = "Name of the destination site, if given",
                example = "Antakya stadium camp") String siteName,
        @Schema(description = "Country of the destination site, if given",
                example = "TUR") String destinationCountryCode,
        @Schema(description = "Transport mode: ROAD, AIR or SEA", example = "ROAD") TransportMode mode,
        @Schema(description = "Number of trucks or aircraft, if given", example = "3") Integer vehicles,
        @Schema(description = "Lots carried, with proof-of-delivery quantities once recorded; null in a list asked "
                + "for with lines=false") List<ShipmentLineDto> lines,
        @Schema(description = "Number of lines, also in a list asked for without them", example = "2") int lineCount,
        @Schema(description = "Sum of the lines' weights in kg", example = "6600.0") double totalWeightKg,
        @Schema(description = "Planned departure (UTC)", example = "2026-11-23T06:00:00Z") Instant plannedDeparture,
        @Schema(description = "Estimated arrival (UTC)", example = "2026-11-24T18:00:00Z") Instant estimatedArrival,
        @Schema(description = "The plan's inventory reservation holding this shipment's lots (shared by the plan's "
                + "shipments; each settles only its own lines)",
                example = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b") UUID reservationId,
        @Schema(description = "Current status", example = "IN_TRANSIT") ShipmentStatus status,
        @Schema(description = "Where the goods stand in inventory: RESERVED, RELEASED, ISSUED, LOST, RECALLED, "
                + "RELEASE_PENDING (cancelled before dispatch, the release waits for inventory-service and is retried "
                + "in the background) or RELEASE_REFUSED (cancelled before dispatch, inventory-service refused the "
                + "release; stockSettlement.note says why)",
                example = "ISSUED") StockState stock,
        @Schema(description = "The settlement of the shipment's lines in inventory-service, null until dispatch or "
                + "cancellation") StockSettlementDto stockSettlement,
        @Schema(description = "Events that may be posted next (DELIVERED through proof of delivery)",
                example = "[\"AT_BORDER\", \"ARRIVED\"]") List<EventType> allowedEvents,
        @Schema(description = "When it was dispatched (UTC), if it was",
                example = "2026-11-23T06:10:00Z") Instant dispatchedAt,
        @Schema(description = "Who signed the proof of delivery, once recorded",
                example = "Ayşe Demir, camp manager") String receivedBy,
        @Schema(description = "When the goods were received (UTC), once recorded",
                example = "2026-11-24T19:30:00Z") Instant receivedAt,
        @Schema(description = "When the shipment was created (UTC)",
                example = "2026-11-22T12:00:00Z") Instant createdAt,
        @Schema(description = "When the shipment last changed (UTC); the `since` filter compares with it",
                example = "2026-11-23T06:10:00.123456Z") Instant updatedAt) {

    public static ShipmentDto from(ShipmentView s) {
        return new ShipmentDto(s.id(), s.planId(), s.incidentId(), s.originDepotId(), s.originCountryCode(),
                s.siteId(), s.siteName(), s.destinationCountryCode(), s.mode(), s.vehicles(),
                s.lines() == null ? null : s.lines().stream().map(ShipmentLineDto::from).toList(), s.lineCount(),
                s.totalWeightKg(), s.plannedDeparture(),
                s.estimatedArrival(), s.reservationId(), s.status(), s.stock(),
                StockSettlementDto.from(s.stockSettlement()), s.allowedEvents(), s.dispatchedAt(),
                s.receivedBy(), s.receivedAt(), s.createdAt(), s.updatedAt());
    }
}
