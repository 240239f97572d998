package org.corridor.inventory.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.BulkLots;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.LedgerInvariant;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Reservations never oversell under concurrency: many real HTTP requests race for one lot that can satisfy only some of
 * them.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ReservationConcurrencyTest {

    private static final Logger LOG = Logger.getLogger(ReservationConcurrencyTest.class);
    private static final int REQUESTS = 80;
    private static final int THREADS = 32;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StockService stock;

    private static <T> List<T> race(int requests, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentReservationsNeverOversell() throws Exception {
        // 250 on hand, 80 requests of 5 each (400 in all): exactly 50 can be granted
        long onHand = 250;
        int ask = 5;
        String lot = Fixtures.lot(onHand);
        List<Response> responses = race(REQUESTS, n -> Fixtures.reserve("race-" + lot + "-" + n, "race-plan-" + n,
                List.of(Fixtures.line(lot, ask))));
        long granted = 0;
        int grantedCount = 0;
        int refused = 0;
        for (int n = 0; n < responses.size(); n++) {
            Response r = responses.get(n);
            if (r.statusCode() == 201) {
                grantedCount++;
                granted += ((Number) r.path("lines[0].quantity")).longValue();
                assertEquals(ask, ((Number) r.path("lines[0].quantity")).intValue());
            } else {
                assertEquals(409, r.statusCode(), "request " + n + ": " + r.asString());
                assertEquals(lot, r.path("extensions.shortLines[0].lotId"));
                refused++;
            }
        }
        Response balance = Fixtures.lotBalance(lot);
        long reserved = ((Number) balance.path("reserved")).longValue();
        long available = ((Number) balance.path("available")).longValue();
        LOG.infof("concurrency: %d requests (%d threads) for %d requested against %d on hand: %d granted (%d units), "
                + "%d refused with 409; final balance onHand=%d reserved=%d available=%d",
                REQUESTS, THREADS, REQUESTS * ask, onHand, grantedCount, granted, refused,
                ((Number) balance.path("onHand")).longValue(), reserved, available);
        assertEquals(REQUESTS, grantedCount + refused);
        assertTrue(refused > 0, "the lot should not satisfy everyone");
        assertEquals(granted, reserved, "reserved equals what was granted");
        assertTrue(reserved <= onHand, "never oversold");
        // the lot gave exactly what it could: all of it, in 50 grants, and refused the other 30
        assertEquals(onHand, granted, "granted quantity equals what the lot could give");
        assertEquals(onHand / ask, grantedCount);
        assertEquals(REQUESTS - onHand / ask, refused);
        assertEquals(0, available);
        assertEquals(onHand, ((Number) balance.path("onHand")).longValue());
        List<Map<String, Object>> entries = Fixtures.ledgerOf(lot);
        assertEquals(1 + grantedCount, entries.size(), "one RECEIPT plus one RESERVATION per granted request");
        LedgerInvariant.assertLotAgreesWithItsLedger(lot);
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }

    @Test
    void oneIdempotencyKeyFiredConcurrentlyMakesOneReservation() throws Exception {
        String lot = Fixtures.lot(100);
        String key = "same-key-" + lot;
        List<Response> responses = race(24, n -> Fixtures.reserve(key, "plan-same", List.of(Fixtures.line(lot, 10))));
        Set<String> ids = new HashSet<>();
        for (Response r : responses) {
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.path("id"));
        }
        LOG.infof("idempotency: 24 concurrent requests with one key gave %d reservation(s)", ids.size());
        assertEquals(1, ids.size(), "one reservation for one key");
        Fixtures.lotBalance(lot).then().statusCode(200);
        assertEquals(10, ((Number) Fixtures.lotBalance(lot).path("reserved")).intValue());
        // and again later, in sequence
        Fixtures.reserve(key, "plan-same", List.of(Fixtures.line(lot, 10))).then().statusCode(201)
                .body("id", org.hamcrest.Matchers.equalTo(ids.iterator().next()));
        Fixtures.reserve(key, "plan-other", List.of(Fixtures.line(lot, 10))).then().statusCode(422)
                .contentType("application/problem+json");
        given().get("/api/v1/reservations?reference=plan-same").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
        LedgerInvariant.assertLotAgreesWithItsLedger(lot);
    }

    @Test
    void concurrentMultiLotReservationsInOppositeOrdersDoNotDeadlock() throws Exception {
        String a = Fixtures.lot(60);
        String b = Fixtures.lot(60);
        List<Response> responses = race(40, n -> Fixtures.reserve("xy-" + a + "-" + n, "xy-" + n,
                n % 2 == 0
                        ? List.of(Fixtures.line(a, 2), Fixtures.line(b, 3))
                        : List.of(Fixtures.line(b, 3), Fixtures.line(a, 2))));
        int granted = 0;
        for (Response r : responses) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.asString());
            granted += r.statusCode() == 201 ? 1 : 0;
        }
        // b (60 / 3) limits to 20 grants
        assertEquals(20, granted);
        assertEquals(40, ((Number) Fixtures.lotBalance(a).path("reserved")).intValue());
        assertEquals(60, ((Number) Fixtures.lotBalance(b).path("reserved")).intValue());
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }

    @Test
    void racingAdjustmentsAndReservationsKeepOnHandAtLeastReserved() throws Exception {
        // 150 on hand; 30 reservations of 5 and 30 LOST adjustments of -5 race: at most 30 of them fit
        String lot = Fixtures.lot(150);
        List<Response> responses = race(60, n -> n % 2 == 0
                ? Fixtures.reserve("mix-" + lot + "-" + n, "mix-" + n, List.of(Fixtures.line(lot, 5)))
                : Fixtures.adjust(lot, -5, "LOST"));
        int succeeded = 0;
        for (Response r : responses) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.asString());
            succeeded += r.statusCode() == 201 ? 1 : 0;
        }
        Response balance = Fixtures.lotBalance(lot);
        long onHand = ((Number) balance.path("onHand")).longValue();
        long reserved = ((Number) balance.path("reserved")).longValue();
        LOG.infof("mixed race: 60 requests, %d succeeded; final onHand=%d reserved=%d", succeeded, onHand, reserved);
        assertEquals(30, succeeded, "every unit went to exactly one reservation or write-off");
        assertTrue(reserved <= onHand);
        assertEquals(onHand, reserved, "nothing left unclaimed");
        LedgerInvariant.assertLotAgreesWithItsLedger(lot);
    }

    @Test
    void concurrentReversalsOfOneEntryReverseItOnce() throws Exception {
        String lot = Fixtures.lot(100);
        String adjustment = Fixtures.adjust(lot, -40, "DAMAGED").then().statusCode(201).extract().path("id");
        List<Response> responses = race(16, n -> Fixtures.reverse(adjustment));
        long created = responses.stream().filter(r -> r.statusCode() == 201).count();
        for (Response r : responses) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.asString());
        }
        assertEquals(1, created, "one reversal");
        assertEquals(100, ((Number) Fixtures.lotBalance(lot).path("onHand")).intValue());
        LedgerInvariant.assertLotAgreesWithItsLedger(lot);
    }

    /**
     * Twelve reservations of the same 300 lots, each listing them in its own random order, race; each lot can serve
     * eight. The lots are locked in one statement in lot-id order, so they queue instead of deadlocking: exactly eight
     * are granted, four refused with every line short, and no request fails otherwise.
     */
    @Test
    void largeOverlappingReservationsInShuffledOrdersNeitherDeadlockNorOversell() throws Exception {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("ITA", org);
        List<String> lots = BulkLots.receive(stock, depot, org, java.util.Collections.nCopies(300, 8L));
        long start = System.nanoTime();
        List<Response> responses = race(12, n -> {
            List<String> order = new ArrayList<>(lots);
            java.util.Collections.shuffle(order, new java.util.Random(n));
            return Fixtures.reserve("big-race-" + depot + "-" + n, "big-race-" + n,
                    order.stream().map(l -> Fixtures.line(l, 1)).toList());
        });
        int granted = 0;
        for (Response r : responses) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.statusCode() + " " + r.asString());
            if (r.statusCode() == 201) {
                granted++;
            } else {
                assertEquals(300, ((List<?>) r.path("extensions.shortLines")).size());
            }
        }
        LOG.infof("large race: 12 reservations of the same 300 lots in shuffled orders, %d granted, in %d ms",
                granted, (System.nanoTime() - start) / 1_000_000);
        assertEquals(8, granted);
        List<Map<String, Object>> items = given().get("/api/v1/stock?depotId=" + depot + "&size=500").then()
                .statusCode(200).extract().path("items");
        assertEquals(300, items.size());
        for (Map<String, Object> lot : items) {
            assertEquals(8, ((Number) lot.get("reserved")).intValue(), "reserved of " + lot.get("lotId"));
            assertEquals(0, ((Number) lot.get("available")).intValue());
        }
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }
}
