package org.corridor.inventory.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.StockService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReceiptRequest", description = "Stock a donor registers at a depot: one new lot")
public record ReceiptRequest(
        @NotBlank @Size(max = 40) @Schema(description = "Catalogue code of the item", example = "SHL-TENT-FAMILY",
                maxLength = 40) String itemCode,
        @NotNull @Min(1) @Max(1_000_000_000) @Schema(
                description = "Quantity received, in the item's unit, 1 to 1,000,000,000",
                example = "400") Long quantity,
        @NotBlank @Size(max = 60) @Schema(
                description = "The donor's or manufacturer's lot code, unique per depot and item",
                example = "TENT-2026-0412", maxLength = 60) String lotCode,
        @Schema(description = "Expiry date; required for items with a shelf life, never in the past",
                example = "2028-06-30") LocalDate expiresOn,
        @NotNull @Schema(description = "Donor organisation",
                example = Examples.ORGANISATION_ID) UUID donorOrganisationId,
        @Valid @Schema(description = "Optional restriction on where the lot may go",
                example = Examples.EARMARK_JSON) EarmarkRequest earmark,
        @Size(max = 500) @Schema(description = "Free-text note recorded on the RECEIPT entry",
                example = "ECHO grant 2026/041, delivered by truck", maxLength = 500) String note) {

    /** True when an earmark is given that names neither a country nor an incident type. */
    public boolean earmarkNamesNothing() {
        return earmark != null && earmark.namesNothing();
    }

    public StockService.Receipt toCommand() {
        return new StockService.Receipt(itemCode, quantity, lotCode.trim(), expiresOn, donorOrganisationId,
                earmark == null ? null : earmark.countryCodes(), earmark == null ? null : earmark.incidentTypes(),
                note);
    }
}
