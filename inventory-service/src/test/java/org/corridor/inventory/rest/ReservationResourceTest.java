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
        // a release never fails because nothing is held any more: it releases nothing
        given().post("/api/v1/reservations/{id}/release", id).then().statusCode(200)
                .body("status", equalTo("CONSUMED")).body("settlement.kind", equalTo("RELEASE"))
                .body("settlement.lines", hasSize(0)).body("lines[0].released", equalTo(0));
        Fixtures.lotBalance(a).then().body("onHand", equalTo(5)).body("reserved", equalTo(0));
        assertEquals(0, Fixtures.ledgerOf(a).stream().filter(e -> e.get("type").equals("RELEASE")).count());
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
                .body("lines.find { it.lotId == '" + a + "' }.held", equalTo(20))
                .body("settlement.kind", equalTo("CONSUME")).body("settlement.reference", equalTo("shipment-1"))
                .body("settlement.replay", equalTo(false)).body("settlement.lines", hasSize(1))
                .body("settlement.lines[0].lotId", equalTo(a)).body("settlement.lines[0].requested", equalTo(40))
                .body("settlement.lines[0].consumed", equalTo(40)).body("settlement.lines[0].released", equalTo(0));
        // a retry of the same dispatch changes nothing and says so
        settle(id, "consume", ship1).then().statusCode(200).body("lines.find { it.lotId == '" + a + "' }.consumed",
                equalTo(40)).body("settlement.replay", equalTo(true))
                .body("settlement.lines[0].consumed", equalTo(40));
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
                .then().statusCode(200).body("status", equalTo("PARTIAL"))
                .body("settlement.lines.find { it.lotId == '" + a + "' }.released", equalTo(20))
                .body("settlement.lines.find { it.lotId == '" + b + "' }.released", equalTo(30));
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

    /**
     * A release never fails because stock is no longer held: per line it gives back min(asked, still held) and says
     * what it really released; a consumption stays strict.
     */
    @Test
    void releaseGivesBackAtMostWhatIsStillHeld() {
        String a = Fixtures.lot(100);
        String b = Fixtures.lot(50);
        String id = Fixtures
                .reserve(Fixtures.unique("k"), "plan-min", List.of(Fixtures.line(a, 60), Fixtures.line(b, 30)))
                .then().statusCode(201).extract().path("id");
        settle(id, "consume", Map.of("reference", "shipment-m1", "lines", List.of(Fixtures.line(a, 40))))
                .then().statusCode(200);
        // a holds 20 now: asking 50 of it releases 20; b releases its 30 in full
        Map<String, Object> cancel = Map.of("reference", "shipment-m2",
                "lines", List.of(Fixtures.line(a, 50), Fixtures.line(b, 30)));
        Response first = settle(id, "release", cancel).then().statusCode(200)
                .body("status", equalTo("PARTIAL"))
                .body("settlement.kind", equalTo("RELEASE")).body("settlement.replay", equalTo(false))
                .body("settlement.reference", equalTo("shipment-m2"))
                .body("settlement.lines", hasSize(2))
                .body("settlement.lines.find { it.lotId == '" + a + "' }.requested", equalTo(50))
                .body("settlement.lines.find { it.lotId == '" + a + "' }.released", equalTo(20))
                .body("settlement.lines.find { it.lotId == '" + a + "' }.consumed", equalTo(0))
                .body("settlement.lines.find { it.lotId == '" + b + "' }.released", equalTo(30))
                .body("lines.find { it.lotId == '" + a + "' }.released", equalTo(20))
                .body("lines.find { it.lotId == '" + a + "' }.consumed", equalTo(40))
                .body("lines.find { it.lotId == '" + a + "' }.held", equalTo(0))
                .extract().response();
        Fixtures.lotBalance(a).then().body("onHand", equalTo(60)).body("reserved", equalTo(0))
                .body("available", equalTo(60));
        Fixtures.lotBalance(b).then().body("onHand", equalTo(50)).body("reserved", equalTo(0));
        assertEquals(List.of(-20), reservedDeltas(a, "RELEASE"));
        assertEquals(List.of(-30), reservedDeltas(b, "RELEASE"));
        // the same reference again is a replay of the first outcome: nothing released twice
        settle(id, "release", cancel).then().statusCode(200).body("settlement.replay", equalTo(true))
                .body("settlement.lines", equalTo(first.path("settlement.lines")))
                .body("lines", equalTo(first.path("lines")));
        assertEquals(List.of(-20), reservedDeltas(a, "RELEASE"));
        // consuming stays strict: nothing is held, so nothing can be dispatched
        settle(id, "consume", Map.of("reference", "shipment-m3", "lines", List.of(Fixtures.line(b, 1))))
                .then().statusCode(409).contentType("application/problem+json").body("title", equalTo("Not held"))
                .body("detail", containsString("holds 0, 1 asked"));
        LedgerInvariant.assertLotAgreesWithItsLedger(a);
        LedgerInvariant.assertLotAgreesWithItsLedger(b);
    }

    /** A release of a reservation that holds nothing any more answers 200 with zero released and is recorded. */
    @Test
    void releaseOfAFinishedReservationReleasesNothingAndIsRecorded() {
        String a = Fixtures.lot(20);
        String id = Fixtures.reserve(Fixtures.unique("k"), "plan-done", List.of(Fixtures.line(a, 15))).then()
                .statusCode(201).extract().path("id");
        given().post("/api/v1/reservations/{id}/consume", id).then().statusCode(200).body("status",
                equalTo("CONSUMED"));
        Map<String, Object> cancel = Map.of("reference", "shipment-late", "lines", List.of(Fixtures.line(a, 15)));
        settle(id, "release", cancel).then().statusCode(200).body("status", equalTo("CONSUMED"))
                .body("settlement.replay", equalTo(false)).body("settlement.lines[0].requested", equalTo(15))
                .body("settlement.lines[0].released", equalTo(0)).body("lines[0].consumed", equalTo(15));
        settle(id, "release", cancel).then().statusCode(200).body("settlement.replay", equalTo(true))
                .body("settlement.lines[0].released", equalTo(0));
        // recorded: the same reference with other lines is the usual 422
        settle(id, "release", Map.of("reference", "shipment-late", "lines", List.of(Fixtures.line(a, 5))))
                .then().statusCode(422).body("title", equalTo("Settlement reference reused"));
        // the whole-reservation form under a reference: nothing held, nothing released, recorded too
        given().header("Idempotency-Key", "undo-plan-done").post("/api/v1/reservations/{id}/release", id).then()
                .statusCode(200).body("settlement.reference", equalTo("undo-plan-done"))
                .body("settlement.replay", equalTo(false)).body("settlement.lines", hasSize(0));
        given().header("Idempotency-Key", "undo-plan-done").post("/api/v1/reservations/{id}/release", id).then()
                .statusCode(200).body("settlement.replay", equalTo(true));
        Fixtures.lotBalance(a).then().body("onHand", equalTo(5)).body("reserved", equalTo(0));
        assertEquals(List.of(), reservedDeltas(a, "RELEASE"));
        given().get("/api/v1/reservations/{id}", id).then().body("status", equalTo("CONSUMED"));
        LedgerInvariant.assertLotAgreesWithItsLedger(a);
    }

    /** Naming a lot that is not part of the reservation is a client error, and nothing else on the request is done. */
    @Test
    void settlingALotOutsideTheReservationIsRefused() {
        String a = Fixtures.lot(20);
        String stranger = Fixtures.lot(20);
        String id = Fixtures.reserve(Fixtures.unique("k"), "plan-foreign", List.of(Fixtures.line(a, 10))).then()
                .statusCode(201).extract().path("id");
        for (String action : List.of("release", "consume")) {
            settle(id, action, Map.of("reference", "shipment-f-" + action,
                    "lines", List.of(Fixtures.line(a, 5), Fixtures.line(stranger, 1))))
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("title", equalTo("Lot not in reservation"))
                    .body("detail", containsString(stranger));
        }
        Fixtures.lotBalance(a).then().body("reserved", equalTo(10)).body("onHand", equalTo(20));
        // a refusal is not recorded: the same reference with valid lines works
        settle(id, "release", Map.of("reference", "shipment-f-release", "lines", List.of(Fixtures.line(a, 5))))
                .then().statusCode(200).body("settlement.lines[0].released", equalTo(5))
                .body("settlement.replay", equalTo(false));
        Fixtures.lotBalance(a).then().body("reserved", equalTo(5));
    }

    /** GET /reservations: exact reference, each status (PARTIAL included), pages, oldest first. */
    @Test
    void listFiltersByExactReferenceAndStatusOldestFirst() {
        String ref = Fixtures.unique("plan-list");
        String a = Fixtures.lot(100);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Fixtures.reserve(Fixtures.unique("k"), ref, List.of(Fixtures.line(a, 10))).then()
                    .statusCode(201).extract().path("id"));
        }
        // a longer reference that starts with the same text is not a match
        String longer = Fixtures.reserve(Fixtures.unique("k"), ref + "0", List.of(Fixtures.line(a, 10))).then()
                .statusCode(201).extract().path("id");
        given().post("/api/v1/reservations/{id}/consume", ids.get(1)).then().statusCode(200);
        given().post("/api/v1/reservations/{id}/release", ids.get(2)).then().statusCode(200);
        settle(ids.get(3), "consume", Map.of("reference", "s-1", "lines", List.of(Fixtures.line(a, 4)))).then()
                .statusCode(200);
        settle(ids.get(3), "release", Map.of("reference", "s-2", "lines", List.of(Fixtures.line(a, 6)))).then()
                .statusCode(200).body("status", equalTo("PARTIAL"));

        Response all = given().get("/api/v1/reservations?reference=" + ref + "&size=500").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(500))
                .body("items", hasSize(4)).extract().response();
        assertEquals(ids, all.jsonPath().getList("items.id"), "oldest first");
        assertEquals(false, all.jsonPath().getList("items.id").contains(longer));
        all.then().body("items[3].reference", equalTo(ref)).body("items[3].status", equalTo("PARTIAL"))
                .body("items[3].createdAt", notNullValue())
                .body("items[3].lines[0].lotId", equalTo(a)).body("items[3].lines[0].quantity", equalTo(10))
                .body("items[3].lines[0].consumed", equalTo(4)).body("items[3].lines[0].released", equalTo(6))
                .body("items[3].lines[0].held", equalTo(0))
                .body("items[0].status", equalTo("HELD")).body("items[0].lines[0].held", equalTo(10));
        Map<String, String> byStatus = Map.of("HELD", ids.get(0), "CONSUMED", ids.get(1), "RELEASED", ids.get(2),
                "PARTIAL", ids.get(3));
        byStatus.forEach((status, id) -> given().get("/api/v1/reservations?reference=" + ref + "&status=" + status)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].status", equalTo(status)));
        given().get("/api/v1/reservations?status=SETTLED").then().statusCode(400)
                .contentType("application/problem+json");
        // pages of 3 and 1, in the same order
        given().get("/api/v1/reservations?reference=" + ref + "&size=3&page=1").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(1)).body("size", equalTo(3))
                .body("items", hasSize(1)).body("items[0].id", equalTo(ids.get(3)));
        given().get("/api/v1/reservations?reference=" + ref + "&size=501").then().statusCode(400);
    }

    /**
     * GET /reservations?referencePrefix=: references starting with the text, literally (LIKE's wildcards and the escape
     * character are plain characters), combined with status and an exact reference, oldest first.
     */
    @Test
    void listFiltersByReferencePrefix() {
        String prefix = Fixtures.unique("pfx") + "-";
        String a = Fixtures.lot(100);
        String first = Fixtures.reserve(Fixtures.unique("k"), prefix + "1", List.of(Fixtures.line(a, 10))).then()
                .statusCode(201).extract().path("id");
        String second = Fixtures.reserve(Fixtures.unique("k"), prefix + "2", List.of(Fixtures.line(a, 10))).then()
                .statusCode(201).extract().path("id");
        String released = Fixtures.reserve(Fixtures.unique("k"), prefix + "3", List.of(Fixtures.line(a, 10))).then()
                .statusCode(201).extract().path("id");
        given().post("/api/v1/reservations/{id}/release", released).then().statusCode(200);
        // the prefix without its last character is another prefix; a wildcard in place of a character matches nothing
        String other = Fixtures.reserve(Fixtures.unique("k"), prefix.substring(0, prefix.length() - 1) + "x1",
                List.of(Fixtures.line(a, 10))).then().statusCode(201).extract().path("id");
        String wild = prefix.substring(0, prefix.length() - 1) + "_";
        String literal = Fixtures.reserve(Fixtures.unique("k"), wild + "%!1", List.of(Fixtures.line(a, 10))).then()
                .statusCode(201).extract().path("id");

        Response all = given().queryParam("referencePrefix", prefix).get("/api/v1/reservations").then()
                .statusCode(200).body("total", equalTo(3)).extract().response();
        assertEquals(List.of(first, second, released), all.jsonPath().getList("items.id"), "oldest first");
        given().queryParam("referencePrefix", prefix).queryParam("status", "HELD").get("/api/v1/reservations")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", equalTo(List.of(first, second)))
                .body("items[0].reference", equalTo(prefix + "1"));
        given().queryParam("referencePrefix", prefix).queryParam("reference", prefix + "2")
                .get("/api/v1/reservations").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(second));
        // _ and % are not wildcards, nor is ! an escape the caller must know about
        given().queryParam("referencePrefix", wild).get("/api/v1/reservations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(literal));
        given().queryParam("referencePrefix", wild + "%!").get("/api/v1/reservations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(literal));
        given().queryParam("referencePrefix", prefix.substring(0, prefix.length() - 1) + "%")
                .get("/api/v1/reservations").then().statusCode(200).body("total", equalTo(0));
        assertEquals(false, all.jsonPath().getList("items.id").contains(other));
    }

    /** The mixed final status is stored as PARTIAL, and the database no longer admits the old name. */
    @Test
    void partialIsStoredUnderItsContractName() throws Exception {
        String a = Fixtures.lot(10);
        String id = Fixtures.reserve(Fixtures.unique("k"), "plan-stored", List.of(Fixtures.line(a, 10))).then()
                .statusCode(201).extract().path("id");
        settle(id, "consume", Map.of("reference", "s-a", "lines", List.of(Fixtures.line(a, 3)))).then()
                .statusCode(200);
        settle(id, "release", Map.of("reference", "s-b")).then().statusCode(200).body("status", equalTo("PARTIAL"))
                .body("settlement.lines[0].requested", equalTo(7)).body("settlement.lines[0].released", equalTo(7));
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s
                    .executeQuery("SELECT status FROM reservation WHERE id = '" + id + "'")) {
                rs.next();
                assertEquals("PARTIAL", rs.getString(1));
            }
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class,
                    () -> s.executeUpdate("UPDATE reservation SET status = 'SETTLED' WHERE id = '" + id + "'"));
            assertEquals("23514", refused.getSQLState(), "check constraint violation");
        }
    }

    private static List<Integer> reservedDeltas(String lotId, String type) {
        return Fixtures.ledgerOf(lotId).stream().filter(e -> e.get("type").equals(type))
                .map(e -> ((Number) e.get("reservedDelta")).intValue()).toList();
    }
}
