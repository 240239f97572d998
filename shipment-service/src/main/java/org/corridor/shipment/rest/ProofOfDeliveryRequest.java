package org.corridor.shipment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProofOfDeliveryRequest", description = "What the site received: per shipped line, accepted and rejected quantities")
public record ProofOfDeliveryRequest(
        @Schema(description = "Who signed for the goods", example = "Ayşe Demir, camp manager")
        @NotBlank @Size(max = 200) String receivedBy,
        @Schema(description = "When the goods were received (UTC); not before the shipment's last event", example = "2026-11-24T19:30:00Z")
        @NotNull Instant receivedAt,
        @Schema(description = "One entry per shipped line")
        @NotNull @Size(min = 1, max = 500, message = "must have between 1 and 500 lines") @Valid List<@NotNull Line> lines) {

    @Schema(name = "ProofOfDeliveryLineRequest", description = "Accepted and rejected quantities of one shipped lot; they add up to the shipped quantity")
    public record Line(
            @Schema(description = "Item code of the shipped line", example = "TENT-FAMILY")
            @NotBlank @Size(max = 64) String itemCode,
            @Schema(description = "Lot of the shipped line", example = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a")
            @NotNull UUID lotId,
            @Schema(description = "Quantity accepted, 0 or more", example = "115")
            @NotNull @Min(value = 0, message = "must be 0 or more") Integer accepted,
            @Schema(description = "Quantity rejected, 0 or more", example = "5")
            @NotNull @Min(value = 0, message = "must be 0 or more") Integer rejected,
            @Schema(description = "Why goods were rejected; required when rejected > 0", example = "Water damage")
            @Size(max = 500) String rejectionReason) {
    }
}
