package org.corridor.inventory.rest.dto;

import org.corridor.inventory.domain.ItemCategory;
import org.corridor.inventory.service.ItemView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Item", description = "A catalogue item")
public record ItemDto(
        @Schema(description = "Unique code", example = "SHL-TENT-FAMILY") String code,
        @Schema(description = "Name", example = "Family tent, 16 m2 floor, 5 persons") String name,
        @Schema(description = "Category", example = "SHELTER") ItemCategory category,
        @Schema(description = "Unit quantities are counted in", example = "each") String unit,
        @Schema(description = "Weight of one unit packed, kg", example = "55.0") double unitWeightKg,
        @Schema(description = "Volume of one unit packed, m3", example = "0.282") double unitVolumeM3,
        @Schema(description = "Shelf life in days; null for durable goods", example = "730") Integer shelfLifeDays) {

    public static ItemDto from(ItemView i) {
        return new ItemDto(i.code(), i.name(), i.category(), i.unit(), i.unitWeightKg(), i.unitVolumeM3(),
                i.shelfLifeDays());
    }
}
