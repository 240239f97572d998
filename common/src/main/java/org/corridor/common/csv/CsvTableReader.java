package org.corridor.common.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.common.problem.ProblemException;

/**
 * Reads an uploaded CSV (UTF-8, RFC 4180, optional byte-order mark, CRLF or LF) into a {@link CsvTable} with Jackson's
 * CSV parser: the first row is the header, an HXL hashtag row right after it is recognised and skipped, blank lines are
 * ignored. The file is refused with a 400 naming the reason when it cannot be a table: not CSV, no header, a header
 * naming a column twice, or more rows than allowed.
 */
public final class CsvTableReader {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();

    private CsvTableReader() {
    }

    /** Reads at most {@code maxRows} data rows; more is a 400. */
    public static CsvTable read(InputStream in, int maxRows) {
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(in)) {
            while (it.hasNextValue()) {
                records.add(List.of(it.nextValue()));
                if (records.size() > maxRows + 2) {
                    throw ProblemException.badRequest("The file has more than " + maxRows
                            + " data rows: split it into several uploads");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("The body is not a readable CSV file (UTF-8, comma separated, RFC 4180): "
                    + firstLine(e.getMessage()));
        }
        return table(records, maxRows);
    }

    /**
     * Builds the table from rows already split into cells (by this reader or from a spreadsheet), the first being the
     * header; row {@code i} of the list is spreadsheet row {@code i + 1}.
     */
    public static CsvTable table(List<List<String>> records, int maxRows) {
        if (records.isEmpty() || records.get(0).stream().allMatch(c -> c == null || c.isBlank())) {
            throw ProblemException.badRequest("The file is empty: its first row must name the columns");
        }
        List<String> header = records.get(0).stream().map(c -> c == null ? "" : strip(c)).toList();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty() && header.indexOf(header.get(i)) != i) {
                throw ProblemException.badRequest("The header names column " + header.get(i) + " twice");
            }
        }
        int first = 1;
        List<String> hashtags = List.of();
        if (records.size() > 1 && isHashtagRow(records.get(1))) {
            hashtags = records.get(1).stream().map(c -> c == null ? "" : c.trim()).toList();
            first = 2;
        }
        if (records.size() - first > maxRows) {
            throw ProblemException.badRequest("The file has more than " + maxRows
                    + " data rows: split it into several uploads");
        }
        List<CsvTable.Row> rows = new ArrayList<>();
        for (int r = first; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c) == null ? "" : cells.get(c).trim();
                String name = c < header.size() ? header.get(c) : "";
                if (!v.isEmpty()) {
                    byName.put(name.isEmpty() ? "column " + (c + 1) : name, v);
                }
            }
            rows.add(new CsvTable.Row(r + 1, byName));
        }
        return new CsvTable(header, hashtags, rows);
    }

    private static boolean isHashtagRow(List<String> cells) {
        boolean any = false;
        for (String c : cells) {
            String t = c == null ? "" : c.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.startsWith("#")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static String strip(String cell) {
        String t = cell.trim();
        return t.startsWith("\uFEFF") ? t.substring(1).trim() : t;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
