package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.corridor.inventory.domain.AdjustmentReason;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.rest.NotZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdjustmentRequest", description = "A correction of a lot's on-hand stock")
public record AdjustmentRequest(
        @NotNull @Schema(description = "Lot to adjust", example = Examples.LOT_ID) UUID lotId,
        @NotNull @NotZero @Min(-1_000_000_000) @Max(1_000_000_000) @Schema(
                description = "Signed, non-zero change of on-hand quantity: negative for DAMAGED, EXPIRED, LOST; "
                        + "positive for FOUND; either for COUNT_CORRECTION",
                example = "-12") Long delta,
        @NotNull @Schema(description = "Why", example = "DAMAGED") AdjustmentReason reason,
        @Size(max = 500) @Schema(description = "Free-text note", example = "Pallet crushed during unloading",
                maxLength = 500) String note) {
}
