package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.corridor.common.csv.CsvTable;
import org.corridor.common.csv.CsvTableReader;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.LedgerInvariant;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** POST /receipt-imports: a donor's bulk receipt as CSV or .xlsx, all rows or none. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ReceiptImportTest {

    static final String HEADER = "depotCode,itemCode,quantity,lotCode,expiresOn,donorOrganisationId,"
            + "earmarkCountryCodes,earmarkIncidentTypes,note\n";
    static final String HXL = "#loc +code,#item +code,#indicator +num +received,#item +lot,#date +expiry,"
            + "#org +funder +id,#country +code +earmark,#crisis +type +earmark,#description\n";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    static String depotCode(String depotId) {
        return given().get("/api/v1/depots/{id}", depotId).then().statusCode(200).extract().path("code");
    }

    static Response upload(String csv) {
        return given().contentType("text/csv").body(csv).post("/api/v1/receipt-imports");
    }

    static List<Map<String, Object>> stockOf(String depotId) {
        return given().get("/api/v1/stock?depotId={d}&size=500", depotId).then().statusCode(200).extract()
                .path("items");
    }

    static String expiry() {
        return LocalDate.now().plusYears(1).toString();
    }

    @Test
    void aGoodFileRegistersEveryRowAsALotWithItsReceiptEntry() {
        String donor = Fixtures.organisation("DONOR_AGENCY", "BEL");
        String depotId = Fixtures.depot("ARE", donor);
        String depot = depotCode(depotId);
        String lot = Fixtures.unique("LOT");
        String csv = HEADER + HXL
                + depot + ",WASH-HYGIENE-KIT,500," + lot + "-1," + expiry() + "," + donor
                + ",TUR;SYR,EARTHQUAKE,\"ECHO grant, truck 2\"\n"
                + depot + ",NFI-BLANKET,2000," + lot + "-2,," + donor + ",,,\n"
                + depot + ",SHL-TENT-FAMILY,40," + lot + "-3," + expiry() + "," + donor + ",ITA,,\n";
        Response r = upload(csv).then().statusCode(201).body("rows", equalTo(3)).body("dryRun", equalTo(false))
                .body("lots", hasSize(3)).body("lots[0].lotCode", equalTo(lot + "-1"))
                .body("lots[0].earmark.countryCodes", equalTo(List.of("SYR", "TUR")))
                .body("lots[0].earmark.incidentTypes", equalTo(List.of("EARTHQUAKE")))
                .body("lots[1].expiresOn", equalTo(null)).body("lots[1].onHand", equalTo(2000))
                .body("lots[2].earmark.countryCodes", equalTo(List.of("ITA"))).extract().response();
        String id = r.path("id");
        assertTrue(r.header("Location").endsWith("/api/v1/receipt-imports/" + id));
        given().get("/api/v1/receipt-imports/{id}", id).then().statusCode(200).body("rows", equalTo(3))
                .body("lots.lotId", equalTo(r.path("lots.lotId")));

        List<Map<String, Object>> stock = stockOf(depotId);
        assertEquals(3, stock.size());
        assertEquals(List.of(2000, 40, 500), stock.stream().map(s -> s.get("onHand")).toList());
        List<Map<String, Object>> ledger = Fixtures.ledgerOf(r.path("lots[0].lotId"));
        assertEquals(1, ledger.size());
        assertEquals("RECEIPT", ledger.get(0).get("type"));
        assertEquals(500, ledger.get(0).get("onHandDelta"));
        assertEquals("ECHO grant, truck 2", ledger.get(0).get("note"));
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        String org = Fixtures.organisation();
        String depotId = Fixtures.depot("ITA", org);
        String csv = HEADER + depotCodeRow(depotId, org, "SHL-TENT-FAMILY", "10", Fixtures.unique("LOT"));
        given().contentType("text/csv").body(csv).post("/api/v1/receipt-imports?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rows", equalTo(1)).body("lots", hasSize(0));
        assertEquals(0, stockOf(depotId).size());
        // and a bad row is still found by a dry run
        given().contentType("text/csv").body(csv.replace(",10,", ",ten,"))
                .post("/api/v1/receipt-imports?dryRun=true").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("quantity"));
        upload(csv).then().statusCode(201);
        assertEquals(1, stockOf(depotId).size());
    }

    String depotCodeRow(String depotId, String donor, String item, String quantity, String lot) {
        return depotCode(depotId) + "," + item + "," + quantity + "," + lot + "," + expiry() + "," + donor + ",,,\n";
    }

    @Test
    void everyBadRowIsNamedAndNothingIsWritten() {
        String org = Fixtures.organisation();
        String depotId = Fixtures.depot("ITA", org);
        String depot = depotCode(depotId);
        String lot = Fixtures.unique("LOT");
        String csv = HEADER + HXL
                + depot + ",SHL-TENT-FAMILY,10," + lot + "-1," + expiry() + "," + org + ",,,\n" // row 3: good
                + depot + ",SHL-TENT-FAMILY,12.5," + lot + "-2," + expiry() + "," + org + ",,,\n" // 4
                + depot + ",NO-SUCH-ITEM,10," + lot + "-3," + expiry() + "," + org + ",,,\n" // 5
                + depot + ",WASH-HYGIENE-KIT,10," + lot + "-4,2001-01-01," + org + ",,,\n" // 6
                + "NO-SUCH-DEPOT,SHL-TENT-FAMILY,10," + lot + "-5," + expiry() + "," + org + ",,,\n" // 7
                + depot + ",SHL-TENT-FAMILY,10,," + expiry() + "," + org + ",XX,FLOOD;METEOR,\n" // 8
                + depot + ",WASH-HYGIENE-KIT,0," + lot + "-6,," + org + ",,,\n"; // 9
        Response r = upload(csv).then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Receipt import refused")).extract().response();
        List<Map<String, Object>> errors = r.path("errors");
        List<String> cells = errors.stream().map(e -> e.get("row") + ":" + e.get("column")).toList();
        assertEquals(List.of("4:quantity", "5:itemCode", "6:expiresOn", "7:depotCode", "8:earmarkCountryCodes",
                "8:earmarkIncidentTypes", "8:lotCode", "9:quantity"), cells, errors.toString());
        assertTrue(((String) r.path("detail")).startsWith("6 rows have errors, nothing was written"));
        assertTrue(errors.get(0).get("message").toString().contains("12.5"));
        assertTrue(errors.get(1).get("message").toString().contains("NO-SUCH-ITEM"));
        assertEquals(0, stockOf(depotId).size(), "the good row is not written either");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameAndReceivesOnce() {
        String org = Fixtures.organisation();
        String depotId = Fixtures.depot("ITA", org);
        String csv = HEADER + depotCodeRow(depotId, org, "SHL-TENT-FAMILY", "25", Fixtures.unique("LOT"));
        String key = Fixtures.unique("import");
        Response first = given().contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .post("/api/v1/receipt-imports").then().statusCode(201).extract().response();
        Response again = given().contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .post("/api/v1/receipt-imports").then().statusCode(201).extract().response();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals((Object) first.path("lots[0].lotId"), again.path("lots[0].lotId"));
        assertEquals(1, stockOf(depotId).size());
        assertEquals(25, stockOf(depotId).get(0).get("onHand"));
        given().contentType("text/csv").header("Idempotency-Key", key).body(csv.replace(",25,", ",26,"))
                .post("/api/v1/receipt-imports").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aLotCodeAlreadyReceivedOrTwiceInTheFileIsARowError() {
        String org = Fixtures.organisation();
        String depotId = Fixtures.depot("ITA", org);
        Map<String, Object> single = Fixtures.receipt("SHL-TENT-FAMILY", 5, org);
        Fixtures.receive(depotId, single).then().statusCode(201);
        String lot = Fixtures.unique("LOT");
        String csv = HEADER + depotCodeRow(depotId, org, "SHL-TENT-FAMILY", "10", lot)
                + depotCodeRow(depotId, org, "SHL-TENT-FAMILY", "10", (String) single.get("lotCode"))
                + depotCodeRow(depotId, org, "SHL-TENT-FAMILY", "11", lot);
        Response r = upload(csv).then().statusCode(422).extract().response();
        List<Map<String, Object>> errors = r.path("errors");
        assertEquals(List.of("3:lotCode", "4:lotCode"), errors.stream().map(e -> e.get("row") + ":" + e.get("column"))
                .toList());
        assertTrue(errors.get(0).get("message").toString().contains("already holds lot"));
        assertTrue(errors.get(1).get("message").toString().contains("already on row 2"));
        assertEquals(1, stockOf(depotId).size());
        assertEquals(5, stockOf(depotId).get(0).get("onHand"));
    }

    @Test
    void anXlsxWorkbookIsReadLikeCsv() throws IOException {
        String org = Fixtures.organisation();
        String depotId = Fixtures.depot("ITA", org);
        String lot = Fixtures.unique("LOT");
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("receipts");
            String[] header = HEADER.trim().split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(depotCode(depotId));
            r.createCell(1).setCellValue("WASH-HYGIENE-KIT");
            r.createCell(2).setCellValue(300);
            r.createCell(3).setCellValue(lot);
            r.createCell(4).setCellValue(LocalDate.now().plusMonths(8));
            r.getCell(4).setCellStyle(date);
            r.createCell(5).setCellValue(org);
            r.createCell(6).setCellValue("TUR");
            // row 3 left empty; row 4: a bad quantity, to check the row numbers are Excel's
            Row bad = sheet.createRow(3);
            bad.createCell(0).setCellValue(depotCode(depotId));
            bad.createCell(1).setCellValue("NFI-BLANKET");
            bad.createCell(2).setCellValue(-4);
            bad.createCell(3).setCellValue(lot + "-B");
            bad.createCell(5).setCellValue(org);
            book.write(out);
            xlsx = out.toByteArray();
        }
        given().contentType(XLSX).body(xlsx).post("/api/v1/receipt-imports").then().statusCode(422)
                .body("errors.row", equalTo(List.of(4))).body("errors.column", equalTo(List.of("quantity")));
        byte[] good;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getSheetAt(0).removeRow(book.getSheetAt(0).getRow(3));
            book.write(out);
            good = out.toByteArray();
        }
        given().contentType(XLSX).body(good).post("/api/v1/receipt-imports").then().statusCode(201)
                .body("rows", equalTo(1)).body("lots[0].onHand", equalTo(300))
                .body("lots[0].expiresOn", equalTo(LocalDate.now().plusMonths(8).toString()))
                .body("lots[0].earmark.countryCodes", equalTo(List.of("TUR")));
        given().contentType(XLSX).body("not a workbook".getBytes()).post("/api/v1/receipt-imports").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aFileThatIsNoReceiptTableIsA400() {
        upload("").then().statusCode(400).contentType("application/problem+json");
        upload("depotCode,itemCode,colour\nA,B,C\n").then().statusCode(400).contentType("application/problem+json");
        upload(HEADER).then().statusCode(400).contentType("application/problem+json");
        upload("depotCode,itemCode,quantity\nA,B,1\n").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/v1/receipt-imports").then().statusCode(415);
    }

    /**
     * 10,000 rows in one import, then the 20,000 lots of two such imports exported as CSV: the import is fast (batched
     * writes), and the export is streamed: sent chunked, read by a cursor of scalar rows (no entity is loaded).
     */
    @Test
    void tenThousandRowsImportFastAndTwentyThousandLotsExportStreamed() {
        String org = Fixtures.organisation();
        String depotId = Fixtures.depot("ITA", org);
        String depot = depotCode(depotId);
        String batch = Fixtures.unique("BULK");
        String expiry = expiry();
        long[] millis = new long[2];
        for (int part = 0; part < 2; part++) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < 10_000; i++) {
                csv.append(depot).append(",SHL-TENT-FAMILY,").append(1 + i % 97).append(',').append(batch).append('-')
                        .append(part).append('-').append(i).append(',').append(expiry).append(',').append(org)
                        .append(",,,\n");
            }
            long start = System.nanoTime();
            Response imported = upload(csv.toString());
            // the answer is read, not yet parsed: the time is the server's and the transfer's
            millis[part] = (System.nanoTime() - start) / 1_000_000;
            imported.then().statusCode(201).body("rows", equalTo(10_000));
        }
        System.out.printf("receipt import of 10,000 rows: %d ms and %d ms%n", millis[0], millis[1]);
        // the target is well under 10 s; this bound only catches a regression to one round trip per row (minutes),
        // without failing on a busy shared machine
        assertTrue(Math.min(millis[0], millis[1]) < 60_000,
                "10,000 rows took " + millis[0] + " / " + millis[1] + " ms");

        Statistics stats = sessionFactory.getStatistics();
        long loadsBefore = stats.getEntityLoadCount();
        Response r = given().get("/api/v1/stock?depotId={d}&format=csv", depotId);
        long loaded = stats.getEntityLoadCount() - loadsBefore;
        CsvTable table = CsvTableReader.read(new ByteArrayInputStream(r.asByteArray()), 100_000);
        assertEquals(20_000, table.rows().size());
        assertEquals("chunked", r.header("Transfer-Encoding"));
        assertEquals(null, r.header("Content-Length"));
        assertEquals(0, loaded, "the export reads scalar rows, never entities");
        List<Long> quantities = new ArrayList<>();
        table.rows().forEach(row -> quantities.add(Long.parseLong(row.get("onHand"))));
        assertEquals(2 * java.util.stream.LongStream.range(0, 10_000).map(i -> 1 + i % 97).sum(),
                quantities.stream().mapToLong(Long::longValue).sum());
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }
}
