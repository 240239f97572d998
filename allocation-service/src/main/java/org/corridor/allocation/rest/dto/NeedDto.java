package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.Priority;
import org.corridor.allocation.service.NeedView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Need", description = "A material need of a site")
public record NeedDto(
        @Schema(description = "Need id", example = "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b") UUID id,
        @Schema(description = "Incident id", example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") UUID incidentId,
        @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "Catalogue item code", example = "SHELTER-FAMILY-TENT") String itemCode,
        @Schema(description = "Quantity in the item's unit", example = "500") int quantity,
        @Schema(description = "Priority", example = "CRITICAL") Priority priority,
        @Schema(description = "Latest useful delivery time", example = "2023-02-09T00:00:00Z") Instant deliverBy,
        @Schema(description = "How far approved plans cover it (read-only)") NeedCoverageDto coverage,
        @Schema(description = "When it was recorded (read-only; the need's own fields never change after it, its coverage does): with id, the keyset cursor "
                + "of the needs list (since and sinceId)", example = "2023-02-06T04:30:00Z") Instant createdAt) {

    public static NeedDto from(NeedView n) {
        return new NeedDto(n.id(), n.incidentId(), n.siteId(), n.itemCode(), n.quantity(), n.priority(),
                n.deliverBy(), NeedCoverageDto.from(n.coverage()), n.createdAt());
    }
}
