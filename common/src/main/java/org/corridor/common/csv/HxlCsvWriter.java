package org.corridor.common.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes rows as HXL-tagged CSV onto a stream, one row at a time: first the header row, then the row of HXL hashtags,
 * then one line per {@link #write} call. Nothing is buffered beyond Jackson's output buffer, so an export of any size
 * costs the memory of one row; the caller streams the rows from the database.
 * <p>
 * Format: UTF-8 without byte-order mark, RFC 4180 (comma separated, CRLF line ends, a cell quoted with {@code "} when
 * it holds a comma, quote, CR or LF, quotes doubled inside). Written by Jackson's CSV generator, never by string
 * concatenation, so quoting is always right. A {@code null} value is an empty cell; other values are written with
 * {@link String#valueOf} (dates and instants as ISO-8601, enums by name), lists joined with {@code ;}.
 * <p>
 * Formula injection: a spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (and some
 * with a leading tab or carriage return) as a formula, so a site name typed as {@code =HYPERLINK(...)} would become a
 * link in the coordinator's workbook. Every text cell that starts with one of these characters is therefore written
 * with a single quote in front ({@code '=HYPERLINK(...)}), which spreadsheets show as text. Numbers are written as
 * numbers: a negative quantity stays {@code -5}, since the guard applies to text values only, never to a
 * {@link Number}.
 *
 * @param <T> the row type
 */
public final class HxlCsvWriter<T> implements AutoCloseable {

    /** Separator of the values of a list inside one cell (earmarked countries, incident types). */
    public static final String LIST_SEPARATOR = ";";

    /** First characters that make a spreadsheet evaluate a cell (OWASP's list for CSV injection). */
    static final String FORMULA_STARTS = "=+-@\t\r";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    private final List<HxlColumn<T>> columns;
    private final SequenceWriter out;

    private HxlCsvWriter(List<HxlColumn<T>> columns, SequenceWriter out) {
        this.columns = columns;
        this.out = out;
    }

    /** Starts the CSV on {@code stream}: writes the header row and the HXL hashtag row. */
    public static <T> HxlCsvWriter<T> open(OutputStream stream, List<HxlColumn<T>> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a CSV needs at least one column");
        }
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withoutHeader();
        try {
            SequenceWriter out = MAPPER.writerFor(String[].class).with(schema).writeValues(stream);
            HxlCsvWriter<T> w = new HxlCsvWriter<>(List.copyOf(columns), out);
            w.cells(columns.stream().map(HxlColumn::header).toArray(String[]::new));
            w.cells(columns.stream().map(HxlColumn::hashtag).toArray(String[]::new));
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one data row. */
    public void write(T row) {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = text(columns.get(i).value().apply(row));
        }
        cells(cells);
    }

    /** Pushes what is written so far to the client. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the CSV and flushes it; the underlying stream stays open (the container closes it). */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cells(String[] cells) {
        try {
            out.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return defused(joined(value));
    }

    /** A text cell a spreadsheet would read as a formula, quoted so that it reads as text. */
    static String defused(String text) {
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String joined(Object value) {
        if (value instanceof Iterable<?> list) {
            StringBuilder b = new StringBuilder();
            for (Object o : list) {
                if (!b.isEmpty()) {
                    b.append(LIST_SEPARATOR);
                }
                b.append(o);
            }
            return b.toString();
        }
        return String.valueOf(value);
    }
}
