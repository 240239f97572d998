package org.corridor.common.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.corridor.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class HxlCsvWriterTest {

    record Lot(String code, String name, long quantity, LocalDate expiresOn, List<String> earmark) {
    }

    static final List<HxlColumn<Lot>> COLUMNS = List.of(
            HxlColumn.of("itemCode", "#item +code", Lot::code),
            HxlColumn.of("itemName", "#item +name", Lot::name),
            HxlColumn.of("onHand", "#indicator +num +onhand", Lot::quantity),
            HxlColumn.of("expiresOn", "#date +expiry", Lot::expiresOn),
            HxlColumn.of("earmarkCountryCodes", "#country +code +earmark", Lot::earmark));

    @Test
    void writesHeaderHashtagsAndRfc4180QuotedRowsThatReadBack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HxlCsvWriter<Lot> w = HxlCsvWriter.open(out, COLUMNS)) {
            w.write(new Lot("SHL-TENT", "Tent, family \"winter\"", 40, LocalDate.of(2027, 3, 1),
                    List.of("SYR", "TUR")));
            w.write(new Lot("WASH-KIT", "Çadır\nline two", 7, null, List.of()));
        }
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals("itemCode,itemName,onHand,expiresOn,earmarkCountryCodes\r\n"
                // a cell starting with # is quoted, so that no reader takes the row for a comment
                + "\"#item +code\",\"#item +name\",\"#indicator +num +onhand\",\"#date +expiry\","
                + "\"#country +code +earmark\"\r\n"
                + "SHL-TENT,\"Tent, family \"\"winter\"\"\",40,2027-03-01,SYR;TUR\r\n"
                + "WASH-KIT,\"Çadır\nline two\",7,,\r\n", csv);

        CsvTable table = CsvTableReader.read(new ByteArrayInputStream(out.toByteArray()), 10);
        assertEquals(COLUMNS.stream().map(HxlColumn::header).toList(), table.header());
        assertEquals("#indicator +num +onhand", table.hashtags().get(2));
        assertEquals(2, table.rows().size());
        assertEquals(3, table.rows().get(0).number());
        assertEquals("Tent, family \"winter\"", table.rows().get(0).get("itemName"));
        assertEquals("Çadır\nline two", table.rows().get(1).get("itemName"));
        assertEquals(null, table.rows().get(1).get("expiresOn"));
    }

    @Test
    void textCellsThatASpreadsheetWouldRunAsFormulasAreQuotedNumbersAreNot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HxlCsvWriter<Lot> w = HxlCsvWriter.open(out, COLUMNS)) {
            w.write(new Lot("=HYPERLINK(\"http://x.example\",\"open\")", "+1 tent", -5, null, List.of("@SUM(A1)")));
            w.write(new Lot("-2+3", "\tindented", 0, null, List.of("\rTUR")));
            w.write(new Lot("SHL=TENT", "tent - family", 12, null, List.of("SYR")));
        }
        CsvTable table = CsvTableReader.read(new ByteArrayInputStream(out.toByteArray()), 10);
        CsvTable.Row first = table.rows().get(0);
        assertEquals("'=HYPERLINK(\"http://x.example\",\"open\")", first.get("itemCode"));
        assertEquals("'+1 tent", first.get("itemName"));
        // a negative number is a number: written as such, never quoted
        assertEquals("-5", first.get("onHand"));
        assertEquals("'@SUM(A1)", first.get("earmarkCountryCodes"));
        CsvTable.Row second = table.rows().get(1);
        assertEquals("'-2+3", second.get("itemCode"));
        // the reader trims cells; the quote keeps the tab and the carriage return inside the text
        assertEquals("'\tindented", second.get("itemName"));
        assertEquals("'\rTUR", second.get("earmarkCountryCodes"));
        // only the first character counts
        assertEquals("SHL=TENT", table.rows().get(2).get("itemCode"));
        assertEquals("tent - family", table.rows().get(2).get("itemName"));
        assertEquals("12", table.rows().get(2).get("onHand"));
    }

    @Test
    void defusesEachDangerousFirstCharacterAndNothingElse() {
        for (String c : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertEquals("'" + c + "1", HxlCsvWriter.text(c + "1"), "starting with " + c.codePointAt(0));
        }
        assertEquals("", HxlCsvWriter.text(""));
        assertEquals("", HxlCsvWriter.text(null));
        assertEquals("#tag", HxlCsvWriter.text("#tag"));
        assertEquals("-12", HxlCsvWriter.text(-12));
        assertEquals("-0.5", HxlCsvWriter.text(-0.5));
        assertEquals("'-1;2", HxlCsvWriter.text(List.of(-1, 2)), "a list is text: its joined cell is guarded");
    }

    @Test
    void refusesAHashtagThatIsNotHxl() {
        assertThrows(IllegalArgumentException.class, () -> HxlColumn.of("x", "item code", Lot::code));
        assertThrows(IllegalArgumentException.class, () -> HxlColumn.of("x", "#Item +Code", Lot::code));
    }

    @Test
    void readerNumbersRowsAsASpreadsheetDoesWithoutAnHxlRow() {
        String csv = "\uFEFFa,b\n1,2\n\n3,\n";
        CsvTable t = CsvTableReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 10);
        assertEquals(List.of("a", "b"), t.header());
        assertEquals(List.of(), t.hashtags());
        assertEquals(List.of(2, 4), t.rows().stream().map(CsvTable.Row::number).toList());
        assertEquals(null, t.rows().get(1).get("b"));
    }

    @Test
    void readerRefusesEmptyFilesDuplicateColumnsAndTooManyRows() {
        assertEquals(400, assertThrows(ProblemException.class, () -> read("")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> read("a,a\n1,2\n")).status());
        ProblemException many = assertThrows(ProblemException.class, () -> read("a\n1\n2\n3\n4\n"));
        assertEquals(400, many.status());
        assertEquals("The file has more than 3 data rows: split it into several uploads", many.getMessage());
    }

    private static CsvTable read(String csv) {
        return CsvTableReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 3);
    }
}
