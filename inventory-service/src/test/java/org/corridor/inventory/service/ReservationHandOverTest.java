package org.corridor.inventory.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.LedgerInvariant;
import org.junit.jupiter.api.Test;

/**
 * A hand-over ({@code POST /reservations} with {@code releasing}): units move from one reservation to a new one in one
 * transaction, never free for anybody else in between, all or nothing, with the ledger exact on both sides.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ReservationHandOverTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void handsOverPartOfAReservationWithoutAMomentOfFreeStock() throws Exception {
        // lot a is entirely held by the base plan: 0 available for anybody else
        String a = Fixtures.lot(100);
        String c = Fixtures.lot(50);
        String base = reserved("plan-B", Fixtures.line(a, 100), Fixtures.line(c, 50));
        Fixtures.lotBalance(a).then().body("available", equalTo(0));

        // the hand-over and 12 reservations of the very units it frees start together, all queued behind a lock on
        // lot a's balance row: if the release and the new hold were two steps, one of the 12 could take the units
        String key = Fixtures.unique("replan");
        ExecutorService pool = Executors.newFixedThreadPool(13);
        Response handOver;
        List<Response> rivals = new ArrayList<>();
        try (Connection c1 = dataSource.getConnection()) {
            c1.setAutoCommit(false);
            try (PreparedStatement ps = c1
                    .prepareStatement("SELECT on_hand FROM stock_balance WHERE lot_id = ? FOR UPDATE")) {
                ps.setObject(1, UUID.fromString(a));
                ps.executeQuery().close();
            }
            Future<Response> h = pool.submit(() -> handOver(key, "plan-R", List.of(Fixtures.line(a, 40)),
                    List.of(source(base, Fixtures.line(a, 40)))));
            List<Future<Response>> r = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                r.add(pool.submit(() -> Fixtures.reserve(Fixtures.unique("rival-" + n), "rival-" + n,
                        List.of(Fixtures.line(a, 40)))));
            }
            Thread.sleep(1500);
            c1.rollback();
            handOver = h.get(60, TimeUnit.SECONDS);
            for (Future<Response> f : r) {
                rivals.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        handOver.then().statusCode(201).body("reference", equalTo("plan-R")).body("status", equalTo("HELD"))
                .body("lines", hasSize(1)).body("lines[0].lotId", equalTo(a)).body("lines[0].quantity", equalTo(40))
                .body("lines[0].held", equalTo(40));
        for (Response rival : rivals) {
            assertEquals(409, rival.statusCode(), rival.asString());
            assertEquals(0, (int) rival.path("extensions.shortLines[0].available"));
        }
        String replan = handOver.path("id");
        // the lot: still all reserved, now 60 by the base plan and 40 by the re-plan
        Fixtures.lotBalance(a).then().body("onHand", equalTo(100)).body("reserved", equalTo(100))
                .body("available", equalTo(0));
        given().get("/api/v1/reservations/{id}", base).then().statusCode(200).body("status", equalTo("HELD"))
                .body("lines.find { it.lotId == '" + a + "' }.released", equalTo(40))
                .body("lines.find { it.lotId == '" + a + "' }.held", equalTo(60))
                .body("lines.find { it.lotId == '" + c + "' }.held", equalTo(50));
        // the release is in the ledger like any other, the new hold too, in that order
        List<Map<String, Object>> ledger = Fixtures.ledgerOf(a);
        Map<String, Object> release = ledger.get(ledger.size() - 2);
        Map<String, Object> hold = ledger.get(ledger.size() - 1);
        assertEquals("RELEASE", release.get("type"));
        assertEquals(-40, ((Number) release.get("reservedDelta")).intValue());
        assertEquals(base, release.get("reservationId"));
        assertTrue(((String) release.get("note")).contains("handover-" + replan), (String) release.get("note"));
        assertEquals("RESERVATION", hold.get("type"));
        assertEquals(40, ((Number) hold.get("reservedDelta")).intValue());
        assertEquals(100, ((Number) hold.get("reservedAfter")).intValue());
        assertEquals(replan, hold.get("reservationId"));
        assertLedgerExact();
    }

    @Test
    void aSourceHoldingTooLittleChangesNothing() {
        String a = Fixtures.lot(30);
        String d = Fixtures.lot(20);
        String spare = Fixtures.lot(10);
        String base = reserved("plan-B", Fixtures.line(a, 30));
        String baseBefore = given().get("/api/v1/reservations/{id}", base).asString();
        int ledgerA = Fixtures.ledgerOf(a).size();

        // 40 asked of a reservation holding 30, and a lot it does not hold at all
        Response refused = handOver(Fixtures.unique("replan"), "plan-R-short",
                List.of(Fixtures.line(a, 40), Fixtures.line(spare, 5)),
                List.of(source(base, Fixtures.line(a, 40), Fixtures.line(d, 5))));
        refused.then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Insufficient stock"))
                .body("detail", containsString("Nothing was released or reserved"))
                .body("detail", containsString("reservation " + base + " holds 30 of lot " + a + ", 40 to release"))
                .body("extensions.shortLines", hasSize(3))
                .body("extensions.shortLines[0].reservationId", equalTo(base))
                .body("extensions.shortLines[0].lotId", equalTo(a))
                .body("extensions.shortLines[0].requested", equalTo(40))
                .body("extensions.shortLines[0].available", equalTo(30))
                .body("extensions.shortLines[0].reason", equalTo("NOT_HELD"))
                .body("extensions.shortLines[1].reservationId", equalTo(base))
                .body("extensions.shortLines[1].lotId", equalTo(d))
                .body("extensions.shortLines[1].available", equalTo(0))
                .body("extensions.shortLines[1].reason", equalTo("NOT_IN_RESERVATION"))
                // the new line, counting what the source could really give (30)
                .body("extensions.shortLines[2].reservationId", nullValue())
                .body("extensions.shortLines[2].lotId", equalTo(a))
                .body("extensions.shortLines[2].available", equalTo(30))
                .body("extensions.shortLines[2].reason", equalTo("INSUFFICIENT_STOCK"));

        // the sources are fine but the new hold is short: still nothing
        handOver(Fixtures.unique("replan"), "plan-R-short",
                List.of(Fixtures.line(a, 10), Fixtures.line(spare, 11)), List.of(source(base, Fixtures.line(a, 10))))
                .then().statusCode(409).body("extensions.shortLines", hasSize(1))
                .body("extensions.shortLines[0].lotId", equalTo(spare))
                .body("extensions.shortLines[0].available", equalTo(10));

        assertEquals(baseBefore, given().get("/api/v1/reservations/{id}", base).asString());
        Fixtures.lotBalance(a).then().body("reserved", equalTo(30)).body("available", equalTo(0));
        Fixtures.lotBalance(spare).then().body("reserved", equalTo(0));
        Fixtures.lotBalance(d).then().body("reserved", equalTo(0));
        assertEquals(ledgerA, Fixtures.ledgerOf(a).size());
        given().get("/api/v1/reservations?reference=plan-R-short").then().statusCode(200).body("total", equalTo(0));
        assertLedgerExact();
    }

    @Test
    void badSourcesAreRefusedBeforeAnythingMoves() {
        String a = Fixtures.lot(10);
        String base = reserved("plan-B", Fixtures.line(a, 10));
        handOver(Fixtures.unique("k"), "plan-R", List.of(Fixtures.line(a, 2)),
                List.of(source(UUID.randomUUID().toString(), Fixtures.line(a, 2))))
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Unknown reservation"));
        handOver(Fixtures.unique("k"), "plan-R", List.of(Fixtures.line(a, 2)),
                List.of(source(base, Fixtures.line(a, 1)), source(base, Fixtures.line(a, 1))))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("appears more than once in releasing"));
        handOver(Fixtures.unique("k"), "plan-R", List.of(Fixtures.line(a, 2)),
                List.of(source(base, Fixtures.line(a, 1), Fixtures.line(a, 1))))
                .then().statusCode(400).body("detail", containsString("appears on more than one line"));
        handOver(Fixtures.unique("k"), "plan-R", List.of(Fixtures.line(a, 2)),
                List.of(Map.of("reservationId", base, "lines", List.of())))
                .then().statusCode(400).body("detail", containsString("releasing[0].lines"));
        Fixtures.lotBalance(a).then().body("reserved", equalTo(10));
        given().get("/api/v1/reservations/{id}", base).then().body("status", equalTo("HELD"))
                .body("lines[0].held", equalTo(10));
    }

    @Test
    void aReplayAnswersTheSameAndReleasesOnce() {
        String a = Fixtures.lot(80);
        String base = reserved("plan-B", Fixtures.line(a, 80));
        String key = Fixtures.unique("approve-replan");
        List<Map<String, Object>> lines = List.of(Fixtures.line(a, 30));
        List<Map<String, Object>> releasing = List.of(source(base, Fixtures.line(a, 30)));
        Response first = handOver(key, "plan-R", lines, releasing).then().statusCode(201).extract().response();
        Response again = handOver(key, "plan-R", lines, releasing).then().statusCode(201).extract().response();
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        assertEquals(first.header("Location"), again.header("Location"));
        // the same key with another releasing is another body
        handOver(key, "plan-R", lines, List.of(source(base, Fixtures.line(a, 29)))).then().statusCode(422)
                .body("title", equalTo("Idempotency key reused"));
        given().get("/api/v1/reservations/{id}", base).then().body("lines[0].released", equalTo(30))
                .body("lines[0].held", equalTo(50));
        given().get("/api/v1/reservations?reference=plan-R&status=HELD").then()
                .body("items.findAll { it.lines[0].lotId == '" + a + "' }", hasSize(1));
        Fixtures.lotBalance(a).then().body("reserved", equalTo(80));
        // a new key cannot take the same units twice: the base holds 50 now
        handOver(Fixtures.unique("other"), "plan-R", List.of(Fixtures.line(a, 60)),
                List.of(source(base, Fixtures.line(a, 60)))).then().statusCode(409)
                .body("extensions.shortLines[0].available", equalTo(50));
        assertLedgerExact();
    }

    @Test
    void theSourceStaysConsumableAndReleasableForWhatItStillHolds() {
        String a = Fixtures.lot(100);
        String c = Fixtures.lot(40);
        String base = reserved("plan-B", Fixtures.line(a, 100), Fixtures.line(c, 40));
        String replan = handOver(Fixtures.unique("k"), "plan-R", List.of(Fixtures.line(a, 70), Fixtures.line(c, 40)),
                List.of(source(base, Fixtures.line(a, 70), Fixtures.line(c, 40)))).then().statusCode(201).extract()
                .path("id");
        // the hand-over's release is recorded under its reference: asking it again is a replay that moves nothing
        settle(base, "release", "handover-" + replan, Fixtures.line(a, 70), Fixtures.line(c, 40)).then()
                .statusCode(200).body("settlement.replay", equalTo(true))
                .body("lines.find { it.lotId == '" + a + "' }.held", equalTo(30));
        // the base can consume what it still holds, and not more
        settle(base, "consume", "shipment-1", Fixtures.line(a, 31)).then().statusCode(409);
        settle(base, "consume", "shipment-1", Fixtures.line(a, 20)).then().statusCode(200)
                .body("status", equalTo("HELD"));
        given().contentType(ContentType.JSON).post("/api/v1/reservations/{id}/release", base).then().statusCode(200)
                .body("status", equalTo("PARTIAL"))
                .body("lines.find { it.lotId == '" + a + "' }.consumed", equalTo(20))
                .body("lines.find { it.lotId == '" + a + "' }.released", equalTo(80))
                .body("lines.find { it.lotId == '" + c + "' }.released", equalTo(40));
        // the re-plan holds its own units throughout
        Fixtures.lotBalance(a).then().body("onHand", equalTo(80)).body("reserved", equalTo(70))
                .body("available", equalTo(10));
        Fixtures.lotBalance(c).then().body("reserved", equalTo(40)).body("available", equalTo(0));
        settle(replan, "consume", "shipment-2", Fixtures.line(a, 70)).then().statusCode(200);
        Fixtures.lotBalance(a).then().body("onHand", equalTo(10)).body("reserved", equalTo(0));
        // a fully released source holds nothing to hand over
        handOver(Fixtures.unique("k"), "plan-R2", List.of(Fixtures.line(a, 1)),
                List.of(source(base, Fixtures.line(a, 1)))).then().statusCode(409)
                .body("extensions.shortLines[0].reason", equalTo("NOT_HELD"))
                .body("extensions.shortLines[0].available", equalTo(0));
        assertLedgerExact();
    }

    @Test
    void severalSourcesHandOverAtOnce() {
        String a = Fixtures.lot(90);
        String d = Fixtures.lot(20);
        String e = Fixtures.lot(25);
        String first = reserved("plan-B1", Fixtures.line(a, 50));
        String second = reserved("plan-B2", Fixtures.line(a, 30), Fixtures.line(d, 20));
        // 10 of a are free anyway; the new reservation takes 50 + 20 + those 10, all of d, and 5 of a fresh lot e
        Response r = handOver(Fixtures.unique("k"), "plan-R",
                List.of(Fixtures.line(a, 80), Fixtures.line(d, 20), Fixtures.line(e, 5)),
                List.of(source(second, Fixtures.line(d, 20), Fixtures.line(a, 20)),
                        source(first, Fixtures.line(a, 50))));
        r.then().statusCode(201).body("lines", hasSize(3));
        given().get("/api/v1/reservations/{id}", first).then().body("status", equalTo("RELEASED"))
                .body("lines[0].released", equalTo(50));
        given().get("/api/v1/reservations/{id}", second).then().body("status", equalTo("HELD"))
                .body("lines.find { it.lotId == '" + a + "' }.held", equalTo(10))
                .body("lines.find { it.lotId == '" + d + "' }.released", equalTo(20));
        Fixtures.lotBalance(a).then().body("reserved", equalTo(90)).body("available", equalTo(0));
        Fixtures.lotBalance(d).then().body("reserved", equalTo(20));
        Fixtures.lotBalance(e).then().body("reserved", equalTo(5));
        assertLedgerExact();
    }

    // ---------------------------------------------------------------- helpers

    private static String reserved(String reference, Map<String, Object>... lines) {
        return Fixtures.reserve(Fixtures.unique("k"), reference, List.of(lines)).then().statusCode(201).extract()
                .path("id");
    }

    @SafeVarargs
    private static Map<String, Object> source(String reservationId, Map<String, Object>... lines) {
        return Map.of("reservationId", reservationId, "lines", List.of(lines));
    }

    private static Response handOver(String key, String reference, List<Map<String, Object>> lines,
            List<Map<String, Object>> releasing) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        body.put("lines", lines);
        body.put("releasing", releasing);
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/reservations");
    }

    @SafeVarargs
    private static Response settle(String reservationId, String kind, String reference,
            Map<String, Object>... lines) {
        return given().contentType(ContentType.JSON).body(Map.of("reference", reference, "lines", List.of(lines)))
                .post("/api/v1/reservations/{id}/" + kind, reservationId);
    }

    /**
     * Every lot's balance equals its ledger sums, and every reservation line's ledger entries add up to what it still
     * holds (RESERVATION, RELEASE and ISSUE of that reservation and lot).
     */
    private void assertLedgerExact() {
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
        List<String> broken = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT l.reservation_id, l.lot_id, l.quantity - l.consumed - l.released AS held,
                               COALESCE((SELECT SUM(e.reserved_delta) FROM ledger_entry e
                                         WHERE e.reservation_id = l.reservation_id AND e.lot_id = l.lot_id), 0)
                        FROM reservation_line l""")) {
            while (rs.next()) {
                if (rs.getLong(3) != rs.getLong(4)) {
                    broken.add(rs.getString(1) + "/" + rs.getString(2) + ": holds " + rs.getLong(3) + ", ledger "
                            + rs.getLong(4));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        assertEquals(List.of(), broken, "reservation lines whose ledger entries do not add up to what they hold");
    }
}
