package org.corridor.inventory.rest.dto;

import java.util.List;
import org.corridor.common.paging.PageResponse;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.StockLotView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StockLotPage", description = "One page of lots")
public record StockLotPage(
        @Schema(description = "The lots of this page", example = "[" + Examples.STOCK_LOT_JSON
                + "]") List<StockLotDto> items,
        @Schema(description = "Page number, 0-based", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of lots on all pages", example = "42") long total) {

    public static StockLotPage from(PageResponse<StockLotView> lots) {
        return new StockLotPage(lots.items().stream().map(StockLotDto::from).toList(), lots.page(), lots.size(),
                lots.total());
    }
}
