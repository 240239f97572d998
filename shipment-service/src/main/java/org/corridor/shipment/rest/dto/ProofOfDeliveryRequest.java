package org.corridor.shipment.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.corridor.shipment.service.TrackingService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProofOfDeliveryRequest",
        description = "What the site received: per shipped line, accepted and rejected quantities")
public record ProofOfDeliveryRequest(
        @Schema(description = "Who signed for the goods",
                example = "Ayşe Demir, camp manager") @NotBlank @Size(max = 200) String receivedBy,
        @Schema(description = "When the goods were received (UTC); not before the shipment's last event",
                example = "2026-11-24T19:30:00Z") @NotNull Instant receivedAt,
        @Schema(description = "One entry per shipped line (a shipment carries at most 5,000)", minItems = 1,
                maxItems = CreateShipmentRequest.MAX_LINES) @NotNull @Size(min = 1,
                        max = CreateShipmentRequest.MAX_LINES,
                        message = "must have between 1 and 5000 lines") @Valid List<@NotNull ProofOfDeliveryLineRequest> lines) {

    public TrackingService.NewProofOfDelivery toCommand() {
        return new TrackingService.NewProofOfDelivery(receivedBy, receivedAt,
                lines.stream().map(ProofOfDeliveryLineRequest::toCommand).toList());
    }
}
