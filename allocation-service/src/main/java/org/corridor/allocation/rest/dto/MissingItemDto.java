package org.corridor.allocation.rest.dto;

import org.corridor.allocation.service.NeedsEstimate.MissingItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MissingItem", description = "A Sphere purpose whose configured item code is not in the catalogue")
public record MissingItemDto(
        @Schema(description = "Purpose", example = "water purification") String purpose,
        @Schema(description = "Configured item code that inventory does not know",
                example = "WASH-PURIFICATION-TABLET") String itemCode) {

    public static MissingItemDto from(MissingItem m) {
        return new MissingItemDto(m.purpose(), m.itemCode());
    }
}
