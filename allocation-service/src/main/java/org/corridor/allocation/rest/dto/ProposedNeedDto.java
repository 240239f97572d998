package org.corridor.allocation.rest.dto;

import org.corridor.allocation.domain.Priority;
import org.corridor.allocation.service.NeedsEstimate.ProposedNeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProposedNeed", description = "A need proposed from Sphere minimums (not saved)")
public record ProposedNeedDto(
        @Schema(description = "Catalogue item code", example = "SHELTER-FAMILY-TENT") String itemCode,
        @Schema(description = "Catalogue item name", example = "Family tent 16 m2") String itemName,
        @Schema(description = "Catalogue unit", example = "piece") String unit,
        @Schema(description = "Proposed quantity in the item's unit", example = "2625") int quantity,
        @Schema(description = "Proposed priority", example = "CRITICAL") Priority priority,
        @Schema(description = "How the quantity was computed",
                example = "3.5 m2 covered space per person (Sphere): 12000 x 3.5 / 16 m2 per tent") String basis) {

    public static ProposedNeedDto from(ProposedNeed p) {
        return new ProposedNeedDto(p.itemCode(), p.itemName(), p.unit(), p.quantity(), p.priority(), p.basis());
    }
}
