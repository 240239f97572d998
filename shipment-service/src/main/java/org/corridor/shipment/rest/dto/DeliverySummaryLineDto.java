package org.corridor.shipment.rest.dto;

import java.util.UUID;
import org.corridor.shipment.service.DeliverySummaryService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeliverySummaryLine", description = "Quantities of one item for one site, in the item's unit")
public record DeliverySummaryLineDto(
        @Schema(description = "Site", example = "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a") UUID siteId,
        @Schema(description = "Site name, if the shipments carry it", example = "Antakya stadium camp") String siteName,
        @Schema(description = "Item code", example = "TENT-FAMILY") String itemCode,
        @Schema(description = "Sum of the incident's needs (allocation-service); null when it could not be asked",
                example = "200") Long requested,
        @Schema(description = "On shipments that are not cancelled", example = "120") long allocated,
        @Schema(description = "On shipments dispatched and not cancelled (includes delivered and lost)",
                example = "120") long dispatched,
        @Schema(description = "Dispatched, neither delivered nor lost", example = "0") long inTransit,
        @Schema(description = "Accepted at delivery", example = "115") long delivered,
        @Schema(description = "Rejected at delivery", example = "5") long rejected,
        @Schema(description = "On shipments lost in transit", example = "0") long lost,
        @Schema(description = "On shipments cancelled after dispatch (recalled); issued from the depot, not delivered",
                example = "0") long recalled) {

    public static DeliverySummaryLineDto from(DeliverySummaryService.Row r) {
        return new DeliverySummaryLineDto(r.siteId(), r.siteName(), r.itemCode(), r.requested(), r.allocated(),
                r.dispatched(), r.inTransit(), r.delivered(), r.rejected(), r.lost(), r.recalled());
    }
}
