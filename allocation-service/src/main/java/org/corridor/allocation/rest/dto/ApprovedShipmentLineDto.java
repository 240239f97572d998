package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.approval.PlanApproval;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApprovedShipmentLine", description = "One lot carried by an approved shipment")
public record ApprovedShipmentLineDto(
        @Schema(description = "Item code", example = "SHELTER-FAMILY-TENT") String itemCode,
        @Schema(description = "Lot taken from", example = "2d1c0b9a-8f7e-4d6c-9b5a-4f3e2d1c0b9a") UUID lotId,
        @Schema(description = "Quantity in the item's unit (the plan's lines of this lot for this site and mode, "
                + "summed)", example = "200") int quantity,
        @Schema(description = "Gross weight in kg", example = "6600.0") double weightKg) {

    public static ApprovedShipmentLineDto from(PlanApproval.ShipmentLine l) {
        return new ApprovedShipmentLineDto(l.itemCode(), l.lotId(), l.quantity(), l.weightKg());
    }
}
