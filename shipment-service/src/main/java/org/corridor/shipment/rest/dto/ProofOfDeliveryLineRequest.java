package org.corridor.shipment.rest.dto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.corridor.shipment.service.TrackingService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProofOfDeliveryLineRequest",
        description = "Accepted and rejected quantities of one shipped lot; they add up to the shipped quantity")
public record ProofOfDeliveryLineRequest(
        @Schema(description = "Item code of the shipped line",
                example = "TENT-FAMILY") @NotBlank @Size(max = 64) String itemCode,
        @Schema(description = "Lot of the shipped line",
                example = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a") @NotNull UUID lotId,
        @Schema(description = "Quantity accepted, 0 or more", example = "115") @NotNull @Min(value = 0,
                message = "must be 0 or more") Integer accepted,
        @Schema(description = "Quantity rejected, 0 or more", example = "5") @NotNull @Min(value = 0,
                message = "must be 0 or more") Integer rejected,
        @Schema(description = "Why goods were rejected; required when rejected > 0",
                example = "Water damage") @Size(max = 500) String rejectionReason) {

    public TrackingService.DeliveredLine toCommand() {
        return new TrackingService.DeliveredLine(itemCode, lotId, accepted, rejected, rejectionReason);
    }
}
