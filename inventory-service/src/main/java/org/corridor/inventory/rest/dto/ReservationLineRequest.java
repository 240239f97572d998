package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.ReservationService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReservationLineRequest", description = "A lot and the quantity to hold of it")
public record ReservationLineRequest(
        @NotNull @Schema(description = "Lot to hold stock of", example = Examples.LOT_ID) UUID lotId,
        @NotNull @Min(1) @Max(1_000_000_000) @Schema(description = "Quantity, 1 to 1,000,000,000, in the item's unit",
                example = "120") Long quantity) {

    public ReservationService.Line toLine() {
        return new ReservationService.Line(lotId, quantity);
    }
}
