package org.corridor.shipment.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.common.security.Roles;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /shipments reads its page as records straight from SQL, while GET /shipments/{id} reads the shipment entity: the
 * list must give, byte for byte, the JSON the entity read gives for each of its shipments, in every state a shipment
 * can be in (nullable fields absent, settled, pending, handed over, delivered with rejections), with keyset paging and
 * {@code since} as before; and it must cost a fixed number of statements whatever the page size.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ListedAsEntitiesReadTest {

    /** The identity of the background retry of pending releases (StockSettlementService). */
    private static final String RETRY_JOB = "stock-release-retry";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    private UUID incident;
    private List<String> ids;

    /** Seven shipments of one new incident, in as many states. */
    @BeforeEach
    void shipmentsInEveryState() {
        incident = UUID.randomUUID();
        ids = new ArrayList<>();
        UUID site = UUID.randomUUID();

        // PLANNED, every optional field left out, weights whose sum is not exact in binary
        Map<String, Object> bare = shipment(incident, site,
                List.of(line("TENT-FAMILY", UUID.randomUUID(), 3, 0.1), line("BLANKET", UUID.randomUUID(), 7, 0.2)));
        bare.remove("siteName");
        bare.remove("originCountryCode");
        bare.remove("destinationCountryCode");
        bare.remove("vehicles");
        ids.add(createId(bare));

        // DISPATCHED: consumed in inventory (a settlement with a reference)
        String dispatched = createId(shipment(incident, site, manyLines(5)));
        drive(dispatched, 0, "DISPATCHED");
        ids.add(dispatched);

        // DELIVERED with rejections
        String delivered = createId(shipment(incident, site,
                List.of(line("TENT-FAMILY", TENT_LOT, 100, 5500), line("HYGIENE-KIT", KIT_LOT, 40, 200))));
        drive(delivered, 0, "DISPATCHED", "IN_TRANSIT", "ARRIVED");
        postPod(delivered, partialPod(t(10))).then().statusCode(201);
        ids.add(delivered);

        // CANCELLED before dispatch: released
        String released = createId(shipment(incident, UUID.randomUUID(), manyLines(3)));
        drive(released, 0, "CANCELLED");
        ids.add(released);

        // CANCELLED by a re-plan: handed over
        String handedOver = createId(shipment(incident, site, manyLines(2)));
        Map<String, Object> handOver = event("CANCELLED", t(0));
        handOver.put("stockHandedOverTo", UUID.randomUUID().toString());
        postEvent(handedOver, handOver).then().statusCode(201);
        ids.add(handedOver);

        // LOST in transit, and recalled after dispatch
        String lost = createId(shipment(incident, site, manyLines(4)));
        drive(lost, 0, "DISPATCHED", "LOST");
        ids.add(lost);
        String recalled = createId(shipment(incident, site, manyLines(1)));
        drive(recalled, 0, "DISPATCHED", "CANCELLED");
        ids.add(recalled);
    }

    @Test
    void everyPageIsByteForByteTheEntityReadOfItsShipments() {
        String query = "incidentId=" + incident;
        List<Listed> order = order(query);
        assertEquals(ids.size(), order.size());
        for (int size : new int[]{1, 3, 7, 50}) {
            for (int page = 0; page * size < order.size() || page == 0; page++) {
                List<Listed> expected = order.subList(Math.min(page * size, order.size()),
                        Math.min((page + 1) * size, order.size()));
                String body = given().get("/api/v1/shipments?" + query + "&size=" + size + "&page=" + page).then()
                        .statusCode(200).contentType("application/json").extract().asString();
                assertEquals(pageJson(expected, page, size, order.size()), body, "size " + size + ", page " + page);
            }
        }
        // a page past the end: no items, the total still counted
        assertEquals(pageJson(List.of(), 5, 7, order.size()),
                given().get("/api/v1/shipments?" + query + "&size=7&page=5").then().statusCode(200).extract()
                        .asString());
    }

    @Test
    void keysetPagingAndSinceGiveTheEntityReadOfTheShipmentsAfterTheCursor() {
        List<Listed> order = order("incidentId=" + incident);
        Listed cursor = order.get(2);
        List<Listed> after = order.subList(3, order.size());
        String keyset = "incidentId=" + incident + "&since=" + cursor.updatedAt() + "&sinceId=" + cursor.id();
        assertEquals(pageJson(after, 0, 50, after.size()),
                given().get("/api/v1/shipments?" + keyset + "&size=50").then().statusCode(200).extract().asString());
        List<Listed> strictlyAfter = order.stream().filter(l -> l.updatedAt().isAfter(cursor.updatedAt())).toList();
        assertEquals(pageJson(strictlyAfter, 0, 50, strictlyAfter.size()),
                given().get("/api/v1/shipments?incidentId=" + incident + "&since=" + cursor.updatedAt() + "&size=50")
                        .then().statusCode(200).extract().asString());
    }

    @Test
    void aPageCostsTheSameStatementsForOneShipmentAsForFifty() {
        UUID many = UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            createId(shipment(many, UUID.randomUUID(), manyLines(5)));
        }
        String url = "/api/v1/shipments?incidentId=" + many;
        // the background retry of pending releases queries the same database: hold it while counting
        scheduler.pause(RETRY_JOB);
        try {
            long fifty = statements(url + "&size=50", 50);
            long one = statements(url + "&size=1", 1);
            // the change marker (for the ETag), then the page: the shipments, all their lines, the count
            assertEquals(4, fifty);
            assertEquals(one, fifty);
        } finally {
            scheduler.resume(RETRY_JOB);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A listed shipment: its id, when it last changed, and its JSON as GET /shipments/{id} answers it. */
    private record Listed(String id, Instant updatedAt, String json) {
    }

    /** The seven shipments in the list's order (updatedAt, then id), each with its entity read. */
    private List<Listed> order(String query) {
        List<Listed> all = new ArrayList<>();
        for (String id : ids) {
            String json = getShipment(id).then().statusCode(200).extract().asString();
            all.add(new Listed(id, Instant.parse(getShipment(id).path("updatedAt")), json));
        }
        all.sort(Comparator.comparing(Listed::updatedAt).thenComparing(Listed::id));
        assertTrue(query.startsWith("incidentId="));
        return all;
    }

    /** The page as the list answered it before it read records: common's PageResponse of the entity reads. */
    private static String pageJson(List<Listed> items, int page, int size, long total) {
        return items.stream().map(Listed::json).collect(Collectors.joining(",", "{\"items\":[", "]"))
                + ",\"page\":" + page + ",\"size\":" + size + ",\"total\":" + total + "}";
    }

    /** The fewest JDBC statements one GET of {@code url} prepared in three tries, checking the page's size. */
    private long statements(String url, int items) {
        Statistics stats = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            stats.clear();
            given().get(url).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(items))
                    .body("items.lines.flatten().size()", org.hamcrest.Matchers.equalTo(items * 5));
            fewest = Math.min(fewest, stats.getPrepareStatementCount());
            assertEquals(0, stats.getEntityLoadCount(), "the list builds no entity");
        }
        return fewest;
    }
}
