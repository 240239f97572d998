package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * GET /stock and GET /stock/summary answer If-None-Match from the stock's change marker: a 304 reads that one row and
 * builds no body, and every kind of write (receipt, adjustment, reservation and its release, bulk import, a new depot)
 * changes the tag.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ConditionalReadTest {

    static final List<String> URLS = List.of("/api/v1/stock/summary?groupBy=item", "/api/v1/stock?size=5",
            "/api/v1/stock?format=csv&availableOnly=true");

    @Inject
    SessionFactory sessionFactory;

    static String tag(String url) {
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        assertNotNull(tag, url);
        return tag;
    }

    @Test
    void aMatchingTagIs304AfterOneStatementAndNoBody() {
        Fixtures.lot(30);
        Statistics stats = sessionFactory.getStatistics();
        for (String url : URLS) {
            String tag = tag(url);
            long fewest = Long.MAX_VALUE;
            // the fewest of three tries: nothing else in this service runs queries in the background, but a request
            // of an earlier test may still be finishing
            for (int i = 0; i < 3; i++) {
                long before = stats.getPrepareStatementCount();
                given().header("If-None-Match", tag).get(url).then().statusCode(304).header("ETag", tag);
                fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
            }
            assertEquals(1, fewest, url + ": a 304 reads the change marker only");
            long before = stats.getPrepareStatementCount();
            given().header("If-None-Match", "\"stale\"").get(url).then().statusCode(200);
            assertNotEquals(1, stats.getPrepareStatementCount() - before, url + ": a 200 builds the body");
        }
    }

    @Test
    void everyWriteChangesTheTags() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("ITA", org);
        String lot = Fixtures.receive(depot, Fixtures.receipt("SHL-TENT-FAMILY", 100, org)).then().statusCode(201)
                .extract().path("lotId");
        assertEveryTagChanges("adjustment", () -> Fixtures.adjust(lot, -3, "DAMAGED").statusCode());
        assertEveryTagChanges("receipt",
                () -> Fixtures.receive(depot, Fixtures.receipt("NFI-BLANKET", 9, org)).statusCode());
        String[] reservation = new String[1];
        assertEveryTagChanges("reservation", () -> {
            var r = Fixtures.reserve(Fixtures.unique("key"), Fixtures.unique("ref"), List.of(Fixtures.line(lot, 5)));
            reservation[0] = r.path("id");
            return r.statusCode();
        });
        assertEveryTagChanges("release", () -> given()
                .post("/api/v1/reservations/{id}/release", reservation[0]).statusCode());
        String code = given().get("/api/v1/depots/{id}", depot).then().extract().path("code");
        assertEveryTagChanges("import", () -> given().contentType("text/csv").body(ReceiptImportTest.HEADER + code
                + ",SHL-TENT-FAMILY,4," + Fixtures.unique("LOT") + "," + ReceiptImportTest.expiry() + "," + org
                + ",,,\n").post("/api/v1/receipt-imports").statusCode());
        assertEveryTagChanges("depot", () -> {
            Fixtures.depot("BEL", org);
            return 201;
        });
    }

    @Test
    void theTagDependsOnTheQueryAndTheRepresentation() {
        Fixtures.lot(12);
        assertNotEquals(tag("/api/v1/stock/summary?groupBy=item"), tag("/api/v1/stock/summary?groupBy=country"));
        assertNotEquals(tag("/api/v1/stock?size=5"), tag("/api/v1/stock?size=6"));
        assertNotEquals(tag("/api/v1/stock?size=5"), tag("/api/v1/stock?size=5&format=csv"));
        assertEquals(tag("/api/v1/stock?size=5"), tag("/api/v1/stock?size=5"));
    }

    private static void assertEveryTagChanges(String write, Supplier<Integer> status) {
        List<String> before = URLS.stream().map(ConditionalReadTest::tag).toList();
        int s = status.get();
        assertEquals(true, s >= 200 && s < 300, write + " answered " + s);
        List<String> after = URLS.stream().map(ConditionalReadTest::tag).toList();
        for (int i = 0; i < URLS.size(); i++) {
            assertNotEquals(before.get(i), after.get(i), write + " left the tag of " + URLS.get(i));
            given().header("If-None-Match", before.get(i)).get(URLS.get(i)).then().statusCode(200);
        }
    }
}
