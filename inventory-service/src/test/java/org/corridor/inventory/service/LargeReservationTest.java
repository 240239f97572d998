package org.corridor.inventory.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.BulkLots;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.LedgerInvariant;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A real response draws on thousands of lots: reservations of 1, 200, 201 and 5,000 lines, and settlements of 1,000 and
 * 5,000 lines, end with the right stock on every lot (as GET /stock answers it) and one ledger entry per line. The lots
 * of each size sit in a depot of their own, with different quantities, so every lot's numbers are checked on their own.
 * Durations are logged to {@code target/surefire-reports/...LargeReservationTest-output.txt}, not asserted.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class LargeReservationTest {

    private static final Logger LOG = Logger.getLogger(LargeReservationTest.class);

    @Inject
    StockService stock;

    @Inject
    AgroalDataSource dataSource;

    /** Lots of one depot with their quantities on hand. */
    private record Lots(String depot, List<String> ids, List<Long> onHand) {
        int size() {
            return ids.size();
        }
    }

    private Lots seed(int n) {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("ITA", org);
        // 20 to 50 on hand, so that no two neighbouring lots look alike
        List<Long> quantities = IntStream.range(0, n).mapToObj(i -> 20L + i % 31).toList();
        long start = System.nanoTime();
        List<String> ids = BulkLots.receive(stock, depot, org, quantities);
        LOG.infof("seeded %d lots through StockService.receive in %d ms (load average %s)", n, millis(start),
                loadAverage());
        return new Lots(depot, ids, quantities);
    }

    /** What line i reserves: all of the lot, or all but 1 or 2. */
    private static long reserved(Lots lots, int i) {
        return lots.onHand().get(i) - i % 3;
    }

    @Test
    void reservationsOf1And200And201LinesHoldExactlyTheirLines() {
        for (int n : new int[]{1, 200, 201}) {
            Lots lots = seed(n);
            String id = reserveAll(lots, "plan-size-" + n);
            assertStock(lots, i -> lots.onHand().get(i), i -> reserved(lots, i));
            assertLedger(id, "RESERVATION", lots, i -> reserved(lots, i), i -> 0L, i -> reserved(lots, i));
        }
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }

    @Test
    void reservationOf5000LinesThenSettlementsOf1000And5000Lines() {
        Lots lots = seed(5_000);
        String id = reserveAll(lots, "plan-size-5000");
        assertStock(lots, i -> lots.onHand().get(i), i -> reserved(lots, i));
        assertLedger(id, "RESERVATION", lots, i -> reserved(lots, i), i -> 0L, i -> reserved(lots, i));
        given().get("/api/v1/reservations?reference=plan-size-5000").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].lines.size()", equalTo(5_000));

        // shipment 1 is dispatched: it carries half of what lots 0..999 hold (1,000 lines)
        List<Map<String, Object>> consume = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            consume.add(Fixtures.line(lots.ids().get(i), consumed(lots, i)));
        }
        long start = System.nanoTime();
        Response consumed = settle(id, "consume", "shipment-big-1", consume);
        LOG.infof("consume of 1,000 lines: %d ms (load average %s)", millis(start), loadAverage());
        consumed.then().statusCode(200).body("status", equalTo("HELD")).body("settlement.lines.size()",
                equalTo(1_000));

        // shipment 2 is cancelled: it asks lots 500..1499 for all they had reserved (1,000 lines); lots 500..999
        // hold only the half that was not consumed, so they give back that half
        List<Map<String, Object>> release = new ArrayList<>();
        for (int i = 500; i < 1_500; i++) {
            release.add(Fixtures.line(lots.ids().get(i), reserved(lots, i)));
        }
        start = System.nanoTime();
        Response released = settle(id, "release", "shipment-big-2", release);
        LOG.infof("release of 1,000 lines: %d ms (load average %s)", millis(start), loadAverage());
        released.then().statusCode(200).body("status", equalTo("HELD"));
        Map<String, Integer> answered = new HashMap<>();
        List<Map<String, Object>> lines = released.path("settlement.lines");
        lines.forEach(l -> answered.put((String) l.get("lotId"), (Integer) l.get("released")));
        assertEquals(1_000, answered.size());
        for (int i = 500; i < 1_500; i++) {
            long held = i < 1_000 ? reserved(lots, i) - consumed(lots, i) : reserved(lots, i);
            assertEquals(held, answered.get(lots.ids().get(i)).longValue(), "released of line " + i);
        }
        assertStock(lots,
                i -> lots.onHand().get(i) - (i < 1_000 ? consumed(lots, i) : 0),
                i -> i < 500 ? reserved(lots, i) - consumed(lots, i) : i < 1_500 ? 0 : reserved(lots, i));
        assertLedger(id, "ISSUE", lots.ids().subList(0, 1_000), i -> -consumed(lots, i), i -> -consumed(lots, i),
                i -> reserved(lots, i) - consumed(lots, i));
        assertLedger(id, "RELEASE", lots.ids().subList(500, 1_500),
                i -> -(i + 500 < 1_000 ? reserved(lots, i + 500) - consumed(lots, i + 500) : reserved(lots, i + 500)),
                i -> 0L, i -> 0L);

        // the plan is given up: everything still held goes back (lots 0..499 and 1,500..4,999 still hold stock)
        start = System.nanoTime();
        Response undone = given().header("Idempotency-Key", "undo-plan-size-5000")
                .post("/api/v1/reservations/{id}/release", id);
        LOG.infof("release of everything still held (4,000 lines): %d ms (load average %s)", millis(start),
                loadAverage());
        undone.then().statusCode(200).body("status", equalTo("PARTIAL")).body("settlement.lines.size()",
                equalTo(4_000));
        assertStock(lots, i -> lots.onHand().get(i) - (i < 1_000 ? consumed(lots, i) : 0), i -> 0L);
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }

    private static long consumed(Lots lots, int i) {
        return reserved(lots, i) / 2;
    }

    private String reserveAll(Lots lots, String reference) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lots.size(); i++) {
            lines.add(Fixtures.line(lots.ids().get(i), reserved(lots, i)));
        }
        long start = System.nanoTime();
        Response r = Fixtures.reserve(Fixtures.unique("k"), reference, lines);
        LOG.infof("reservation of %d lines: %d ms (one HTTP request, answer %d bytes; load average %s)", lots.size(),
                millis(start), r.asByteArray().length, loadAverage());
        r.then().statusCode(201).body("status", equalTo("HELD")).body("lines.size()", equalTo(lots.size()));
        List<Map<String, Object>> answered = r.path("lines");
        for (int i = 0; i < lots.size(); i++) {
            assertEquals(lots.ids().get(i), answered.get(i).get("lotId"), "line " + i);
            assertEquals(reserved(lots, i), ((Number) answered.get(i).get("quantity")).longValue(), "line " + i);
            assertEquals(reserved(lots, i), ((Number) answered.get(i).get("held")).longValue(), "line " + i);
        }
        return r.path("id");
    }

    private static Response settle(String id, String action, String reference, List<Map<String, Object>> lines) {
        return given().contentType(ContentType.JSON).body(Map.of("reference", reference, "lines", lines))
                .post("/api/v1/reservations/{id}/" + action, id);
    }

    /** Every lot of the depot, as GET /stock answers it page by page, has the expected on-hand and reserved. */
    private static void assertStock(Lots lots, java.util.function.IntToLongFunction onHand,
            java.util.function.IntToLongFunction reserved) {
        Map<String, Map<String, Object>> seen = new HashMap<>();
        for (int page = 0; seen.size() < lots.size(); page++) {
            List<Map<String, Object>> items = given().get("/api/v1/stock?depotId=" + lots.depot() + "&size=500&page="
                    + page).then().statusCode(200).body("total", equalTo(lots.size())).extract().path("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> seen.put((String) item.get("lotId"), item));
        }
        assertEquals(lots.size(), seen.size(), "every lot listed once");
        for (int i = 0; i < lots.size(); i++) {
            Map<String, Object> lot = seen.get(lots.ids().get(i));
            long h = ((Number) lot.get("onHand")).longValue();
            long r = ((Number) lot.get("reserved")).longValue();
            assertEquals(onHand.applyAsLong(i), h, "onHand of lot " + i);
            assertEquals(reserved.applyAsLong(i), r, "reserved of lot " + i);
            assertEquals(h - r, ((Number) lot.get("available")).longValue(), "available of lot " + i);
        }
    }

    private void assertLedger(String reservationId, String type, Lots lots, java.util.function.IntToLongFunction delta,
            java.util.function.IntToLongFunction onHandDelta, java.util.function.IntToLongFunction reservedAfter) {
        assertLedger(reservationId, type, lots.ids(), delta, onHandDelta, reservedAfter);
    }

    /**
     * The reservation's entries of {@code type}: exactly one per lot, with the expected reserved and on-hand deltas and
     * reserved balance after it (read straight from ledger_entry: thousands of lots are too many for one request each).
     */
    private void assertLedger(String reservationId, String type, List<String> lotIds,
            java.util.function.IntToLongFunction reservedDelta, java.util.function.IntToLongFunction onHandDelta,
            java.util.function.IntToLongFunction reservedAfter) {
        Map<String, long[]> entries = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT lot_id, reserved_delta, on_hand_delta, "
                        + "reserved_after FROM ledger_entry WHERE reservation_id = ? AND type = ?")) {
            ps.setObject(1, UUID.fromString(reservationId));
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] previous = entries.put(rs.getString(1),
                            new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    assertEquals(null, previous, "one " + type + " entry per lot");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(lotIds.size(), entries.size(), type + " entries");
        for (int i = 0; i < lotIds.size(); i++) {
            long[] e = entries.get(lotIds.get(i));
            assertEquals(reservedDelta.applyAsLong(i), e[0], type + " reservedDelta of lot " + i);
            assertEquals(onHandDelta.applyAsLong(i), e[1], type + " onHandDelta of lot " + i);
            assertEquals(reservedAfter.applyAsLong(i), e[2], type + " reservedAfter of lot " + i);
        }
        // and as the API answers it, for the first and the last lot
        for (String lot : List.of(lotIds.get(0), lotIds.get(lotIds.size() - 1))) {
            LedgerInvariant.assertLotAgreesWithItsLedger(lot);
        }
    }

    /** The machine's 1-minute load average, logged beside each duration (the build machine is shared). */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
