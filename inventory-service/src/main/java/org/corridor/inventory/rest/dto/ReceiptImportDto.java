package org.corridor.inventory.rest.dto;

import java.util.List;
import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.ReceiptImportService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a receipt import registered (or, for a dry run, would register). */
@Schema(name = "ReceiptImport", description = "A bulk receipt: the rows of the upload and the lots they created")
public record ReceiptImportDto(
        @Schema(description = "Id of the import; absent for a dry run", example = Examples.IMPORT_ID) UUID id,
        @Schema(description = "Number of data rows in the upload (each became one lot)", example = "2") int rows,
        @Schema(description = "True when nothing was written: every row was checked only",
                example = "false") boolean dryRun,
        @Schema(description = "The new lots, in the order of the rows; empty for a dry run",
                example = "[" + Examples.STOCK_LOT_JSON + "]") List<StockLotDto> lots) {

    public static ReceiptImportDto from(ReceiptImportService.ImportResult r) {
        return new ReceiptImportDto(r.id(), r.rows(), r.dryRun(), r.lots().stream().map(StockLotDto::from).toList());
    }
}
