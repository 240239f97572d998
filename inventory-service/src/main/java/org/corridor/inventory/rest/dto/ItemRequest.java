package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.corridor.inventory.domain.ItemCategory;
import org.corridor.inventory.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ItemRequest", description = "A catalogue item to add")
public record ItemRequest(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{1,39}$",
                message = "must be 2 to 40 capital letters, digits, '-' or '_'") @Schema(
                        description = "Unique code: 2 to 40 capital letters, digits, '-' or '_'",
                        example = "WASH-SOAP-BAR", maxLength = 40) String code,
        @NotBlank @Size(max = 200) @Schema(description = "Name", example = "Soap, bar of 250 g",
                maxLength = 200) String name,
        @NotNull @Schema(description = "Category", example = "WASH") ItemCategory category,
        @NotBlank @Size(max = 40) @Schema(description = "Unit quantities are counted in", example = "each",
                maxLength = 40) String unit,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Schema(
                description = "Weight of one unit packed, kg (more than 0, at most 100,000)",
                example = "0.25") Double unitWeightKg,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Schema(
                description = "Volume of one unit packed, m3 (more than 0, at most 1,000)",
                example = "0.0003") Double unitVolumeM3,
        @Min(1) @Max(36500) @Schema(
                description = "Shelf life in days for perishable items; leave out for durable goods",
                example = "1095") Integer shelfLifeDays) {

    public CatalogueService.NewItem toCommand() {
        return new CatalogueService.NewItem(code, name.trim(), category, unit.trim(), unitWeightKg, unitVolumeM3,
                shelfLifeDays);
    }
}
