package org.corridor.allocation.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.Priority;
import org.corridor.allocation.service.IncidentService.NewNeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewNeed", description = "A quantity of one catalogue item asked for at one site")
public record NeedRequest(
        @Schema(description = "Site of the incident",
                example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") @NotNull UUID siteId,
        @Schema(description = "Catalogue item code; must exist in inventory-service",
                example = "SHELTER-FAMILY-TENT") @NotBlank @Size(max = 64) String itemCode,
        @Schema(description = "Quantity in the item's unit, more than 0",
                example = "500") @NotNull @Positive @Max(100_000_000) Integer quantity,
        @Schema(description = "Priority", example = "CRITICAL") @NotNull Priority priority,
        @Schema(description = "Latest useful delivery time",
                example = "2023-02-09T00:00:00Z") @NotNull Instant deliverBy) {

    public NewNeed toCommand() {
        return new NewNeed(siteId, itemCode, quantity, priority, deliverBy);
    }
}
