package org.corridor.inventory.rest.dto;

import java.util.List;
import org.corridor.inventory.service.StockService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StockSummary", description = "Totals of on-hand, reserved and available stock per group")
public record SummaryDto(
        @Schema(description = "What the groups are: country, item or depot", example = "country") String groupBy,
        @Schema(description = "One row per group that holds any lot, ordered by key",
                example = "[{\"key\": \"ITA\", \"label\": \"Italy\", \"lots\": 12, \"onHand\": 5400, "
                        + "\"reserved\": 1200, \"available\": 4200}]") List<SummaryGroupDto> groups) {

    public static SummaryDto from(String groupBy, List<StockService.SummaryRow> rows) {
        return new SummaryDto(groupBy, rows.stream().map(SummaryGroupDto::from).toList());
    }
}
