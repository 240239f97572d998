package org.corridor.inventory.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.corridor.common.csv.CsvTable;
import org.corridor.common.csv.CsvTableReader;
import org.corridor.common.problem.ProblemException;

/**
 * Reads the first sheet of an uploaded .xlsx workbook (Apache POI) into the same {@link CsvTable} a CSV upload gives,
 * so that both go through one set of rules. Cells are read as a person sees them, except dates, which become YYYY-MM-DD
 * whatever their display format, and whole numbers, which lose Excel's ".0". Empty rows keep their number, so errors
 * name the row Excel shows.
 */
final class Spreadsheets {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    static CsvTable read(InputStream in, int maxRows) {
        List<List<String>> records = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(in)) {
            if (book.getNumberOfSheets() == 0) {
                throw ProblemException.badRequest("The workbook has no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            if (sheet.getLastRowNum() > maxRows + 2) {
                throw ProblemException.badRequest("The file has more than " + maxRows
                        + " data rows: split it into several uploads");
            }
            DataFormatter formatter = new DataFormatter();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                records.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("The body is not a readable .xlsx workbook (Office Open XML "
                    + "spreadsheet); save the sheet as .xlsx, or upload it as CSV");
        }
        return CsvTableReader.table(records, maxRows);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            double v = cell.getNumericCellValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
        return formatter.formatCellValue(cell);
    }
}
