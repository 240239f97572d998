package org.corridor.shipment.rest.dto;

import java.util.UUID;
import org.corridor.shipment.service.ProofOfDeliveryView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProofOfDeliveryLine", description = "Accepted and rejected quantities of one shipped lot")
public record ProofOfDeliveryLineDto(
        @Schema(description = "Item code", example = "TENT-FAMILY") String itemCode,
        @Schema(description = "Lot", example = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a") UUID lotId,
        @Schema(description = "Shipped quantity", example = "120") int shipped,
        @Schema(description = "Accepted", example = "115") int accepted,
        @Schema(description = "Rejected", example = "5") int rejected,
        @Schema(description = "Why goods were rejected, when rejected > 0",
                example = "Water damage") String rejectionReason) {

    public static ProofOfDeliveryLineDto from(ProofOfDeliveryView.Line l) {
        return new ProofOfDeliveryLineDto(l.itemCode(), l.lotId(), l.shipped(), l.accepted(), l.rejected(),
                l.rejectionReason());
    }
}
