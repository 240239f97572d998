package org.corridor.shipment.rest.dto;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.corridor.shipment.service.ShipmentService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ShipmentLineRequest", description = "One lot carried by a shipment")
public record ShipmentLineRequest(
        @Schema(description = "Item code (inventory-service catalogue)",
                example = "TENT-FAMILY") @NotBlank @Size(max = 64) String itemCode,
        @Schema(description = "Lot the goods come from",
                example = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a") @NotNull UUID lotId,
        @Schema(description = "Quantity in the item's unit, more than 0", example = "120") @NotNull @Min(value = 1,
                message = "must be greater than 0") Integer quantity,
        @Schema(description = "Gross weight of the line in kg, 0 or more",
                example = "6600.0") @NotNull @DecimalMin(value = "0", message = "must be 0 or more") Double weightKg) {

    public ShipmentService.NewLine toCommand() {
        return new ShipmentService.NewLine(itemCode, lotId, quantity, weightKg);
    }
}
