package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.service.PlanView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanLine", description = "Quantity of one lot sent to one need by one mode")
public record PlanLineDto(
        @Schema(description = "Need served", example = "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b") UUID needId,
        @Schema(description = "Destination site", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "Item code", example = "SHELTER-FAMILY-TENT") String itemCode,
        @Schema(description = "Lot taken from", example = "2d1c0b9a-8f7e-4d6c-9b5a-4f3e2d1c0b9a") UUID lotId,
        @Schema(description = "Depot of the lot", example = "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c") UUID depotId,
        @Schema(description = "Depot's country", example = "ARE") String originCountryCode,
        @Schema(description = "Quantity in the item's unit", example = "200") int quantity,
        @Schema(description = "ROAD, AIR or SEA", example = "AIR") TransportMode mode,
        @Schema(description = "Planned departure", example = "2023-02-06T06:00:00Z") Instant departsAt,
        @Schema(description = "Estimated arrival", example = "2023-02-07T10:00:00Z") Instant arrivesAt,
        @Schema(description = "Where the line stands: PLANNED until the plan is approved, then APPROVED, DISPATCHED, "
                + "DELIVERED, LOST, or CANCELLED (its shipment was cancelled before dispatch)",
                example = "DISPATCHED") LineState state,
        @Schema(description = "The shipment carrying it, once approved",
                example = "3b2a1f0e-9d8c-4b7a-8f5e-4d3c2b1a0f9e") UUID shipmentId,
        @Schema(description = "Units accepted at the site (proof of delivery), once DELIVERED",
                example = "195") int delivered,
        @Schema(description = "Units rejected at the site, once DELIVERED; they count as uncovered again",
                example = "5") int rejected) {

    public static PlanLineDto from(PlanView.Line l) {
        return new PlanLineDto(l.needId(), l.siteId(), l.itemCode(), l.lotId(), l.depotId(), l.originCountryCode(),
                l.quantity(), l.mode(), l.departsAt(), l.arrivesAt(), l.state(), l.shipmentId(), l.delivered(),
                l.rejected());
    }
}
