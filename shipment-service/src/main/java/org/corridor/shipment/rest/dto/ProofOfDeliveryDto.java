package org.corridor.shipment.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.service.ProofOfDeliveryView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProofOfDelivery", description = "What the site received of a shipment")
public record ProofOfDeliveryDto(
        @Schema(description = "Shipment", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") UUID shipmentId,
        @Schema(description = "Who signed for the goods", example = "Ayşe Demir, camp manager") String receivedBy,
        @Schema(description = "When the goods were received (UTC)",
                example = "2026-11-24T19:30:00Z") Instant receivedAt,
        @Schema(description = "When the service recorded the proof (UTC)",
                example = "2026-11-24T19:35:10.2Z") Instant recordedAt,
        @Schema(description = "Per shipped line") List<ProofOfDeliveryLineDto> lines,
        @Schema(description = "Sum of accepted quantities", example = "115") int totalAccepted,
        @Schema(description = "Sum of rejected quantities", example = "5") int totalRejected) {

    public static ProofOfDeliveryDto from(ProofOfDeliveryView p) {
        List<ProofOfDeliveryLineDto> lines = p.lines().stream().map(ProofOfDeliveryLineDto::from).toList();
        return new ProofOfDeliveryDto(p.shipmentId(), p.receivedBy(), p.receivedAt(), p.recordedAt(), lines,
                lines.stream().mapToInt(ProofOfDeliveryLineDto::accepted).sum(),
                lines.stream().mapToInt(ProofOfDeliveryLineDto::rejected).sum());
    }
}
