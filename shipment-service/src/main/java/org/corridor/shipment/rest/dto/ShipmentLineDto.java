package org.corridor.shipment.rest.dto;

import java.util.UUID;
import org.corridor.shipment.service.ShipmentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ShipmentLine", description = "One lot carried by a shipment")
public record ShipmentLineDto(
        @Schema(description = "Item code", example = "TENT-FAMILY") String itemCode,
        @Schema(description = "Lot", example = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a") UUID lotId,
        @Schema(description = "Shipped quantity", example = "120") int quantity,
        @Schema(description = "Weight in kg", example = "6600.0") double weightKg,
        @Schema(description = "Accepted at delivery; null until the proof of delivery is recorded",
                example = "115") Integer accepted,
        @Schema(description = "Rejected at delivery; null until the proof of delivery is recorded",
                example = "5") Integer rejected,
        @Schema(description = "Why goods were rejected, when some were",
                example = "Water damage") String rejectionReason) {

    public static ShipmentLineDto from(ShipmentView.Line l) {
        return new ShipmentLineDto(l.itemCode(), l.lotId(), l.quantity(), l.weightKg(), l.accepted(), l.rejected(),
                l.rejectionReason());
    }
}
