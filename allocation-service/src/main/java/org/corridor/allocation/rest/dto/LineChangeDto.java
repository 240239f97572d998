package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.replan.PlanChanges;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanLineChange", description = "Units of one lot for one need by one mode, in the re-plan and in its "
        + "base (0 where absent)")
public record LineChangeDto(
        @Schema(description = "Need served", example = "6c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") UUID needId,
        @Schema(description = "Site of the need", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "Catalogue item", example = "SHELTER-FAMILY-TENT") String itemCode,
        @Schema(description = "Lot the units come from", example = "7d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a") UUID lotId,
        @Schema(description = "Depot of the lot", example = "8e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b") UUID depotId,
        @Schema(description = "ROAD or AIR", example = "ROAD") String mode,
        @Schema(description = "Units in the re-plan (0: removed)", example = "120") int quantity,
        @Schema(description = "Units in the base plan (0: added)", example = "200") int baseQuantity) {

    public static LineChangeDto from(PlanChanges.LineChange c) {
        return new LineChangeDto(c.needId(), c.siteId(), c.itemCode(), c.lotId(), c.depotId(), c.mode(), c.quantity(),
                c.baseQuantity());
    }
}
