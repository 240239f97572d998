package org.corridor.inventory.rest.dto;

import org.corridor.inventory.service.StockService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StockSummaryGroup", description = "Totals of one group")
public record SummaryGroupDto(
        @Schema(description = "Country code, item code or depot id", example = "ITA") String key,
        @Schema(description = "Country name, item name with unit, or depot code and name",
                example = "Italy") String label,
        @Schema(description = "Number of lots", example = "12") long lots,
        @Schema(description = "Quantity on hand (summed across items when grouping by country or depot)",
                example = "5400") long onHand,
        @Schema(description = "Quantity reserved", example = "1200") long reserved,
        @Schema(description = "On hand minus reserved", example = "4200") long available) {

    public static SummaryGroupDto from(StockService.SummaryRow r) {
        return new SummaryGroupDto(r.key(), r.label(), r.lots(), r.onHand(), r.reserved(), r.onHand() - r.reserved());
    }
}
