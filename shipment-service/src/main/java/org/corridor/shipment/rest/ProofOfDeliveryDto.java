package org.corridor.shipment.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProofOfDelivery", description = "What the site received of a shipment")
public record ProofOfDeliveryDto(
        @Schema(description = "Shipment", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") UUID shipmentId,
        @Schema(description = "Who signed for the goods", example = "Ayşe Demir, camp manager") String receivedBy,
        @Schema(description = "When the goods were received (UTC)", example = "2026-11-24T19:30:00Z") Instant receivedAt,
        @Schema(description = "When the service recorded the proof (UTC)", example = "2026-11-24T19:35:10.2Z") Instant recordedAt,
        @Schema(description = "Per shipped line") List<Line> lines,
        @Schema(description = "Sum of accepted quantities", example = "115") int totalAccepted,
        @Schema(description = "Sum of rejected quantities", example = "5") int totalRejected) {

    @Schema(name = "ProofOfDeliveryLine", description = "Accepted and rejected quantities of one shipped lot")
    public record Line(
            @Schema(description = "Item code", example = "TENT-FAMILY") String itemCode,
            @Schema(description = "Lot", example = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a") UUID lotId,
            @Schema(description = "Shipped quantity", example = "120") int shipped,
            @Schema(description = "Accepted", example = "115") int accepted,
            @Schema(description = "Rejected", example = "5") int rejected,
            @Schema(description = "Why goods were rejected, when rejected > 0", example = "Water damage") String rejectionReason) {
    }

    public static ProofOfDeliveryDto of(Shipment s) {
        List<Line> lines = s.lines.stream().map(ProofOfDeliveryDto::line).toList();
        return new ProofOfDeliveryDto(s.id, s.podReceivedBy, s.podReceivedAt, s.podRecordedAt, lines,
                lines.stream().mapToInt(Line::accepted).sum(), lines.stream().mapToInt(Line::rejected).sum());
    }

    private static Line line(ShipmentLine l) {
        return new Line(l.itemCode, l.lotId, l.quantity, l.accepted, l.rejected, l.rejectionReason);
    }
}
