package org.corridor.common.csv;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What is wrong in one cell (or one row) of an uploaded table.
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1)
 * @param column the column name from the header; {@code null} when the whole row is wrong
 * @param message what to change
 */
public record RowError(
        @Schema(description = "Row number as a spreadsheet shows it; the header is row 1", example = "7") int row,
        @Schema(description = "Column name from the header, absent when the whole row is wrong",
                example = "quantity") String column,
        @Schema(description = "What is wrong and what to change",
                example = "quantity must be a whole number from 1 to 100000000, not 12.5") String message) {
}
