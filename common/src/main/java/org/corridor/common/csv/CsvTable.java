package org.corridor.common.csv;

import java.util.List;
import java.util.Map;

/**
 * A table uploaded as CSV (or read from a spreadsheet): its header, the HXL hashtag row when the file has one, and the
 * data rows, each with the row number a spreadsheet shows for it (the header is row 1), so that errors name the row a
 * person can find.
 *
 * @param header the column names of the first row, trimmed
 * @param hashtags the HXL row when the second row is one (every non-empty cell starts with {@code #}), else empty
 * @param rows the data rows
 */
public record CsvTable(List<String> header, List<String> hashtags, List<Row> rows) {

    /**
     * One data row.
     *
     * @param number the spreadsheet row number
     * @param cells cell text by column name (blank cells are absent), trimmed
     */
    public record Row(int number, Map<String, String> cells) {

        /** The cell's text, or {@code null} when the cell is empty or the column missing. */
        public String get(String column) {
            return cells.get(column);
        }
    }
}
