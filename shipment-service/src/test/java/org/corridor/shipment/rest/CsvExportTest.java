package org.corridor.shipment.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.createId;
import static org.corridor.shipment.support.Fixtures.drive;
import static org.corridor.shipment.support.Fixtures.line;
import static org.corridor.shipment.support.Fixtures.manyLines;
import static org.corridor.shipment.support.Fixtures.partialPod;
import static org.corridor.shipment.support.Fixtures.postPod;
import static org.corridor.shipment.support.Fixtures.shipment;
import static org.corridor.shipment.support.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.csv.CsvTable;
import org.corridor.common.csv.CsvTableReader;
import org.corridor.common.security.Roles;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The HXL-tagged CSV of GET /shipments and of the delivery summary: parses back, tagged, says what JSON says. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class CsvExportTest {

    /** The identity of the background retry of pending releases (StockSettlementService). */
    private static final String RETRY_JOB = "stock-release-retry";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    static CsvTable csv(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        return CsvTableReader.read(new ByteArrayInputStream(r.asByteArray()), 1_000_000);
    }

    @Test
    void shipmentsCsvHasOneRowPerLineWithTheJsonValues() {
        UUID incident = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        String delivered = createId(shipment(incident, site, List.of(
                line("TENT-FAMILY", org.corridor.shipment.support.Fixtures.TENT_LOT, 100, 5500),
                line("HYGIENE-KIT", org.corridor.shipment.support.Fixtures.KIT_LOT, 40, 200))));
        drive(delivered, 0, "DISPATCHED", "IN_TRANSIT", "ARRIVED");
        postPod(delivered, partialPod(t(4))).then().statusCode(201);
        createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 10, 15))));

        List<Map<String, Object>> json = given().get("/api/v1/shipments?incidentId={i}&size=500", incident).then()
                .statusCode(200).extract().path("items");
        CsvTable table = csv(given().accept("text/csv").get("/api/v1/shipments?incidentId={i}", incident));
        assertEquals("#meta +id", table.hashtags().get(0));
        assertEquals("#indicator +num +accepted", table.hashtags().get(table.header().indexOf("accepted")));
        assertEquals(List.of("shipmentId", "planId", "incidentId", "originDepotId", "originCountryCode", "siteId",
                "siteName", "destinationCountryCode", "mode", "status", "plannedDeparture", "estimatedArrival",
                "dispatchedAt", "receivedAt", "itemCode", "lotId", "quantity", "weightKg", "accepted", "rejected",
                "rejectionReason", "updatedAt"), table.header());

        List<String[]> expected = new ArrayList<>();
        for (Map<String, Object> s : json) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) s.get("lines");
            for (Map<String, Object> l : lines) {
                expected.add(new String[]{str(s.get("id")), str(s.get("status")), str(s.get("siteName")),
                        str(l.get("itemCode")), str(l.get("lotId")), str(l.get("quantity")), str(l.get("accepted")),
                        str(l.get("rejected")), str(l.get("rejectionReason"))});
            }
        }
        assertEquals(3, expected.size());
        assertEquals(expected.size(), table.rows().size());
        for (int i = 0; i < expected.size(); i++) {
            CsvTable.Row r = table.rows().get(i);
            assertEquals(Arrays.asList(expected.get(i)), Arrays.asList(r.get("shipmentId"), r.get("status"),
                    r.get("siteName"),
                    r.get("itemCode"), r.get("lotId"), r.get("quantity"), r.get("accepted"), r.get("rejected"),
                    r.get("rejectionReason")));
        }
        CsvTable.Row tents = table.rows().stream().filter(r -> "TENT-FAMILY".equals(r.get("itemCode"))).findFirst()
                .orElseThrow();
        assertEquals("95", tents.get("accepted"));
        assertEquals("Torn canvas", tents.get("rejectionReason"));
        assertEquals("DELIVERED", tents.get("status"));
    }

    @Test
    void deliverySummaryCsvMatchesJson() {
        UUID incident = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        String id = createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 10, 15),
                line("TENT-FAMILY", UUID.randomUUID(), 3, 150))));
        drive(id, 0, "DISPATCHED");
        String url = "/api/v1/incidents/" + incident + "/delivery-summary";
        List<Map<String, Object>> json = given().get(url).then().statusCode(200).extract().path("lines");
        CsvTable table = csv(given().get(url + "?format=csv"));
        assertEquals(List.of("#crisis +id", "#loc +id", "#loc +name", "#item +code", "#indicator +num +requested",
                "#indicator +num +allocated", "#indicator +num +dispatched", "#indicator +num +in_transit",
                "#indicator +num +delivered", "#indicator +num +rejected", "#indicator +num +lost",
                "#indicator +num +recalled"), table.hashtags());
        assertEquals(2, json.size());
        assertEquals(json.size(), table.rows().size());
        for (int i = 0; i < json.size(); i++) {
            assertEquals(incident.toString(), table.rows().get(i).get("incidentId"));
            for (String f : table.header().subList(1, table.header().size())) {
                assertEquals(str(json.get(i).get(f)), table.rows().get(i).get(f), f);
            }
        }
    }

    @Test
    void aTwentyThousandRowExportIsStreamedWithAFixedNumberOfQueries() {
        UUID incident = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            createId(shipment(incident, UUID.randomUUID(), manyLines(5000)));
        }
        Statistics stats = sessionFactory.getStatistics();
        long statements = Long.MAX_VALUE;
        Response r = null;
        // the background retry of pending releases queries the same database: hold it while counting, and take the
        // fewest of three tries (a run that had already started may still query)
        scheduler.pause(RETRY_JOB);
        try {
            for (int i = 0; i < 3; i++) {
                long before = stats.getPrepareStatementCount();
                r = given().get("/api/v1/shipments?incidentId={i}&format=csv", incident);
                statements = Math.min(statements, stats.getPrepareStatementCount() - before);
            }
        } finally {
            scheduler.resume(RETRY_JOB);
        }
        CsvTable table = csv(r);
        assertEquals(20_000, table.rows().size());
        // sent as it is written: chunked, no length known in advance
        assertEquals("chunked", r.header("Transfer-Encoding"));
        assertNull(r.header("Content-Length"));
        // the change marker, one cursor over the shipments and one query for the lines of each chunk of shipments
        // (here one chunk), never one per shipment or per row
        assertEquals(3, statements);
        assertEquals(5000, table.rows().stream().filter(row -> row.get("shipmentId")
                .equals(table.rows().get(0).get("shipmentId"))).count());
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
