package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.LedgerInvariant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ReservationResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void reservesAllLinesAndReplaysTheSameKey() {
        String a = Fixtures.lot(100);
        String b = Fixtures.lot(40);
        String key = Fixtures.unique("approve");
        List<Map<String, Object>> lines = List.of(Fixtures.line(a, 60), Fixtures.line(b, 40));
        Response first = Fixtures.reserve(key, "plan-1", lines).then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("HELD")).body("reference", equalTo("plan-1"))
                .body("lines", hasSize(2)).body("lines[0].lotId", equalTo(a))
                .body("lines[0].itemCode", equalTo("SHL-TENT-FAMILY"))
                .body("lines[0].quantity", equalTo(60)).body("createdAt", notNullValue())
                .extract().response();
        String id = first.path("id");
        assertEquals(true, first.header("Location").endsWith("/api/v1/reservations/" + id));
        // same key, same body: the same answer, nothing reserved twice
        Response again = Fixtures.reserve(key, "plan-1", lines).then().statusCode(201).body("id", equalTo(id)).extract()
                .response();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        Fixtures.lotBalance(a).then().body("reserved", equalTo(60)).body("available", equalTo(40));
        Fixtures.lotBalance(b).then().body("reserved", equalTo(40)).body("available", equalTo(0));
        // same key, another body
        Fixtures.reserve(key, "plan-1", List.of(Fixtures.line(a, 1))).then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Idempotency key reused"));
        given().get("/api/v1/reservations/{id}", id).then().statusCode(200).body("status", equalTo("HELD"))
                .body("lines[1].lotId", equalTo(b));
        given().get("/api/v1/reservations?reference=plan-1&status=HELD").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().get("/api/v1/reservations?status=WAITING").then().statusCode(400);
    }

    @Test
    void allOrNothingNamesEachShortLine() {
        String a = Fixtures.lot(10);
        String b = Fixtures.lot(5);
        String c = Fixtures.lot(100);
        Fixtures.reserve(Fixtures.unique("k"), "plan-short",
                List.of(Fixtures.line(a, 11), Fixtures.line(c, 50), Fixtures.line(b, 6)))
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Insufficient stock"))
                .body("detail", containsString("Nothing was reserved"))
                .body("extensions.shortLines", hasSize(2))
                .body("extensions.shortLines[0].lotId", equalTo(a))
                .body("extensions.shortLines[0].requested", equalTo(11))
                .body("extensions.shortLines[0].available", equalTo(10))
                .body("extensions.shortLines[1].lotId", equalTo(b))
                .body("extensions.shortLines[1].available", equalTo(5));
        // nothing was held, not even the line that fitted
        Fixtures.lotBalance(c).then().body("reserved", equalTo(0));
        Fixtures.lotBalance(a).then().body("reserved", equalTo(0));
    }

    @Test
    void refusals() {
        String a = Fixtures.lot(10);
        // key is required
        given().contentType(ContentType.JSON).body(Map.of("reference", "p", "lines", List.of(Fixtures.line(a, 1))))
                .post("/api/v1/reservations").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        Fixtures.reserve("x".repeat(201), "p", List.of(Fixtures.line(a, 1))).then().statusCode(400);
        // unknown lot
        Fixtures.reserve(Fixtures.unique("k"), "p", List.of(Fixtures.line("00000000-0000-0000-0000-000000000000", 1)))
                .then().statusCode(422).body("title", equalTo("Unknown lot"));
        // the same lot twice
        Fixtures.reserve(Fixtures.unique("k"), "p", List.of(Fixtures.line(a, 1), Fixtures.line(a, 2)))
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/reservations/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().post("/api/v1/reservations/{id}/release", "00000000-0000-0000-0000-000000000000").then()
                .statusCode(404);
        given().post("/api/v1/reservations/{id}/consume", "00000000-0000-0000-0000-000000000000").then()
                .statusCode(404);
        Fixtures.lotBalance(a).then().body("reserved", equalTo(0));
    }

    @Test
    void releaseIsIdempotentAndGivesStockBack() {
        String a = Fixtures.lot(20);
        String id = Fixtures.reserve(Fixtures.unique("k"), "plan-rel", List.of(Fixtures.line(a, 15))).then()
                .statusCode(201).extract().path("id");
        given().post("/api/v1/reservations/{id}/release", id).then().statusCode(200).body("status",
                equalTo("RELEASED"));
        given().post("/api/v1/reservations/{id}/release", id).then().statusCode(200).body("status",
                equalTo("RELEASED"));
        Fixtures.lotBalance(a).then().body("onHand", equalTo(20)).body("reserved", equalTo(0));
        given().post("/api/v1/reservations/{id}/consume", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Nothing held")).body("detail", containsString("RELEASED"));
        LedgerInvariant.assertLotAgreesWithItsLedger(a);
        assertEquals(List.of("RECEIPT", "RESERVATION", "RELEASE"),
                Fixtures.ledgerOf(a).stream().map(e -> e.get("type")).toList());
    }

    @Test
    void consumeIsIdempotentAndIssuesTheStock() {
        String a = Fixtures.lot(20);
        String b = Fixtures.lot(9);
        String id = Fixtures
                .reserve(Fixtures.unique("k"), "plan-con", List.of(Fixtures.line(a, 15), Fixtures.line(b, 9)))
                .then().statusCode(201).extract().path("id");
        given().post("/api/v1/reservations/{id}/consume", id).then().statusCode(200).body("status",
                equalTo("CONSUMED"));
        given().post("/api/v1/reservations/{id}/consume", id).then().statusCode(200).body("status",
                equalTo("CONSUMED"));
        Fixtures.lotBalance(a).then().body("onHand", equalTo(5)).body("reserved", equalTo(0)).body("available",
                equalTo(5));
        Fixtures.lotBalance(b).then().body("onHand", equalTo(0)).body("reserved", equalTo(0));
        given().post("/api/v1/reservations/{id}/release", id).then().statusCode(409)
                .body("title", equalTo("Nothing held")).body("detail", containsString("CONSUMED"));
        List<Map<String, Object>> issues = Fixtures.ledgerOf(a).stream().filter(e -> e.get("type").equals("ISSUE"))
                .toList();
        assertEquals(1, issues.size());
        assertEquals(-15, issues.get(0).get("onHandDelta"));
        assertEquals(-15, issues.get(0).get("reservedDelta"));
        assertEquals(id, issues.get(0).get("reservationId"));
        LedgerInvariant.assertLotAgreesWithItsLedger(a);
        LedgerInvariant.assertLotAgreesWithItsLedger(b);
    }

    /**
     * One reservation per plan, settled shipment by shipment: each reference consumes or releases its own part once.
     */
    @Test
    void partialSettlementsPerReference() {
        String a = Fixtures.lot(100);
        String b = Fixtures.lot(50);
        String id = Fixtures
                .reserve(Fixtures.unique("k"), "plan-partial", List.of(Fixtures.line(a, 60), Fixtures.line(b, 30)))
                .then().statusCode(201).extract().path("id");
        // shipment 1 is dispatched: it carries 40 of lot a
        Map<String, Object> ship1 = Map.of("reference", "shipment-1", "lines", List.of(Fixtures.line(a, 40)));
        settle(id, "consume", ship1).then().statusCode(200).body("status", equalTo("HELD"))
                .body("lines.find { it.lotId == '" + a + "' }.consumed", equalTo(40))
                .body("lines.find { it.lotId == '" + a + "' }.held", equalTo(20));
        // a retry of the same dispatch changes nothing
        settle(id, "consume", ship1).then().statusCode(200).body("lines.find { it.lotId == '" + a + "' }.consumed",
                equalTo(40));
        Fixtures.lotBalance(a).then().body("onHand", equalTo(60)).body("reserved", equalTo(20));
        // the same reference with other lines is a mistake
        settle(id, "consume", Map.of("reference", "shipment-1", "lines", List.of(Fixtures.line(a, 10))))
                .then().statusCode(422).contentType("application/problem+json");
        // more than is held is refused and changes nothing
        settle(id, "consume", Map.of("reference", "shipment-9", "lines", List.of(Fixtures.line(a, 21))))
                .then().statusCode(409).body("detail", containsString("holds 20, 21 asked"));
        // lines without a reference cannot be replayed safely
        settle(id, "release", Map.of("lines", List.of(Fixtures.line(a, 1)))).then().statusCode(400);
        // shipment 2 is cancelled before dispatch: its 20 of a and 30 of b go back to available stock
        settle(id, "release",
                Map.of("reference", "shipment-2", "lines", List.of(Fixtures.line(a, 20), Fixtures.line(b, 30))))
                .then().statusCode(200).body("status", equalTo("SETTLED"));
        Fixtures.lotBalance(a).then().body("onHand", equalTo(60)).body("reserved", equalTo(0)).body("available",
                equalTo(60));
        Fixtures.lotBalance(b).then().body("onHand", equalTo(50)).body("reserved", equalTo(0));
        // nothing is held any more: a new reference finds nothing to settle
        settle(id, "consume", Map.of("reference", "shipment-3")).then().statusCode(409).body("title",
                equalTo("Nothing held"));
        LedgerInvariant.assertLotAgreesWithItsLedger(a);
        LedgerInvariant.assertLotAgreesWithItsLedger(b);
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }

    /** The Idempotency-Key header serves as the reference when the body names none. */
    @Test
    void headerKeyIsTheSettlementReference() {
        String a = Fixtures.lot(30);
        String id = Fixtures.reserve(Fixtures.unique("k"), "plan-hdr", List.of(Fixtures.line(a, 30))).then()
                .statusCode(201).extract().path("id");
        given().header("Idempotency-Key", "shipment-7-consume").post("/api/v1/reservations/{id}/consume", id)
                .then().statusCode(200).body("status", equalTo("CONSUMED"));
        given().header("Idempotency-Key", "shipment-7-consume").post("/api/v1/reservations/{id}/consume", id)
                .then().statusCode(200).body("status", equalTo("CONSUMED"));
        Fixtures.lotBalance(a).then().body("onHand", equalTo(0)).body("reserved", equalTo(0));
        assertEquals(1, Fixtures.ledgerOf(a).stream().filter(e -> e.get("type").equals("ISSUE")).count());
    }

    private static Response settle(String id, String what, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/reservations/{id}/" + what, id);
    }

    @Test
    void balancesEqualLedgerSumsAfterEveryKindOfMovement() {
        String lot = Fixtures.lot(100);
        Fixtures.adjust(lot, -10, "DAMAGED").then().statusCode(201);
        String found = Fixtures.adjust(lot, 4, "FOUND").then().statusCode(201).extract().path("id");
        String held = Fixtures.reserve(Fixtures.unique("k"), "inv-1", List.of(Fixtures.line(lot, 30))).then()
                .statusCode(201).extract().path("id");
        String released = Fixtures.reserve(Fixtures.unique("k"), "inv-2", List.of(Fixtures.line(lot, 20))).then()
                .statusCode(201).extract().path("id");
        given().post("/api/v1/reservations/{id}/release", released).then().statusCode(200);
        given().post("/api/v1/reservations/{id}/consume", held).then().statusCode(200);
        Fixtures.reverse(found).then().statusCode(201);
        Fixtures.reserve(Fixtures.unique("k"), "inv-3", List.of(Fixtures.line(lot, 5))).then().statusCode(201);
        // 100 - 10 + 4 - 30 (issued) - 4 (reversal) = 60 on hand, 5 reserved
        Fixtures.lotBalance(lot).then().body("onHand", equalTo(60)).body("reserved", equalTo(5)).body("available",
                equalTo(55));
        LedgerInvariant.assertLotAgreesWithItsLedger(lot);
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }

    @Test
    void expiredLotsAreNotAvailableNorReservable() throws Exception {
        // a lot whose expiry date has passed since it was received (receipts refuse past dates, so age it in SQL)
        String lot = Fixtures.lot(30);
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE stock_lot SET expires_on = current_date - 1 WHERE id = '" + lot + "'");
        }
        Fixtures.reserve(Fixtures.unique("k"), "plan-expired", List.of(Fixtures.line(lot, 1)))
                .then().statusCode(409).contentType("application/problem+json")
                .body("extensions.shortLines[0].lotId", equalTo(lot))
                .body("extensions.shortLines[0].available", equalTo(0))
                .body("extensions.shortLines[0].reason", equalTo("EXPIRED"))
                .body("detail", containsString("expired"));
        String depot = Fixtures.lotBalance(lot).path("depotId");
        given().get("/api/v1/stock?availableOnly=true&depotId=" + depot).then().statusCode(200).body("total",
                equalTo(0));
        given().get("/api/v1/stock?depotId=" + depot).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].available", equalTo(30));
        // an EXPIRED adjustment writes it off
        Fixtures.adjust(lot, -30, "EXPIRED").then().statusCode(201).body("onHandAfter", equalTo(0));
        LedgerInvariant.assertLotAgreesWithItsLedger(lot);
    }
}
