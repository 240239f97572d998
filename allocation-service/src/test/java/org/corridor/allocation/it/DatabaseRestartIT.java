package org.corridor.allocation.it;

import static org.corridor.allocation.it.Scenario.inventory;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted (fast shutdown, down for {@link #DOWNTIME}, started again) underneath the three running services
 * while eight clients write to inventory-service: receipts, reservations on their own lots, partial releases, and
 * reservations competing for one shared lot. Each client retries with the same Idempotency-Key on a 503 (as its
 * Retry-After says) and on a connection error, like a careful client would.
 * <p>
 * Afterwards: every acknowledged write is there exactly once with the quantities acknowledged; no answer was a 500;
 * every 503 had Retry-After and a problem JSON; the shared lot was never oversold nor refused while it had stock; the
 * services recovered on their own (same processes); the cross-database {@link Invariants} hold.
 */
class DatabaseRestartIT {

    static final int WRITERS = 8;
    static final Duration DOWNTIME = Duration.ofSeconds(3);
    static final long SHARED_STOCK = 150;
    static final long SHARED_TAKE = 5;
    static final long OWN_RESERVE = 7;
    static final long OWN_RELEASE = 3;

    static CorridorSystem system;

    @BeforeAll
    static void start() {
        system = CorridorSystem.start(Path.of("target/it-logs/database-restart"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    /** What one client had acknowledged for one iteration. */
    record Acked(String lotId, String lotCode, long quantity, String reservationId, long released,
            String sharedReservationId) {
    }

    @Test
    void writesAcrossADatabaseRestartAreAnsweredAndNoneIsLostOrDoubled() throws Exception {
        assumeTrue(system.canRestartDatabase(), "an external PostgreSQL cannot be restarted by the test");
        String org = inventory(system).body(Map.of("name", "Restart relief", "type", "NGO", "countryCode", "TUR"))
                .post("/organisations").then().statusCode(201).extract().path("id");
        String depot = inventory(system)
                .body(Map.of("code", "TUR-DBR", "name", "Gaziantep restart hub", "countryCode", "TUR", "latitude",
                        37.07, "longitude", 37.38, "organisationId", org, "kind", "NGO_WAREHOUSE"))
                .post("/depots").then().statusCode(201).extract().path("id");
        inventory(system).body(Map.of("code", "DBR-KIT", "name", "Restart kit", "category", "NFI", "unit", "each",
                "unitWeightKg", 2.0, "unitVolumeM3", 0.01)).post("/items").then().statusCode(201);
        String sharedLot = inventory(system).body(Map.of("itemCode", "DBR-KIT", "quantity", SHARED_STOCK, "lotCode",
                "DBR-SHARED", "donorOrganisationId", org)).post("/depots/" + depot + "/receipts").then()
                .statusCode(201).extract().path("lotId");
        Map<String, Long> pids = new java.util.TreeMap<>();
        CorridorSystem.SERVICES.forEach(s -> pids.put(s, system.pid(s)));

        StatusLog log = new StatusLog();
        log.phase("1-before");
        String token = system.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER);
        RetryingClient inventory = new RetryingClient(system.baseUrl("inventory"), token, log, Duration.ofMinutes(2),
                Duration.ofSeconds(20));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Instant> dbUp = new AtomicReference<>();
        AtomicReference<Instant> firstAckAfterUp = new AtomicReference<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger sharedRefused = new AtomicInteger();
        List<Writer> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(new Writer(w, inventory, depot, org, sharedLot, stop, dbUp, firstAckAfterUp, unexpected,
                    sharedRefused));
        }
        Prober prober = new Prober(new RetryingClient(system.baseUrl("allocation"), token, log, Duration.ZERO,
                Duration.ofSeconds(10)),
                new RetryingClient(system.baseUrl("shipment"), token, log, Duration.ZERO,
                        Duration.ofSeconds(10)),
                stop, dbUp);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        Instant t0 = Instant.now();
        Instant down;
        Instant up;
        try {
            List<Future<?>> running = new ArrayList<>();
            writers.forEach(w -> running.add(pool.submit(w)));
            running.add(pool.submit(prober));
            awaitIterations(writers, 2, Duration.ofSeconds(90));

            log.phase("2-outage");
            down = Instant.now();
            system.restartDatabase(DOWNTIME);
            up = Instant.now();
            dbUp.set(up);
            log.phase("3-after");
            int[] atUp = writers.stream().mapToInt(w -> w.iterations.get()).toArray();
            Instant until = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(until) || !advanced(writers, atUp, 2)) {
                Scenario.sleep(200);
                if (Duration.between(up, Instant.now()).toSeconds() > 120) {
                    break;
                }
            }
            stop.set(true);
            for (Future<?> f : running) {
                f.get(3, TimeUnit.MINUTES);
            }
            prober.awaitBack(Duration.ofSeconds(60));
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        Instant end = Instant.now();

        List<Acked> acked = writers.stream().flatMap(w -> w.acked.stream()).toList();
        long sharedAcked = acked.stream().filter(a -> a.sharedReservationId() != null).count();
        System.out.printf("""

                === database restart under %d writers (downtime %s) ===
                writers ran %.1f s; PostgreSQL down at t+%.1f s, restart() returned at t+%.1f s (%.1f s)
                iterations per writer: %s (%d acknowledged iterations, each a receipt, a reservation, a release on
                every other one, and a reservation of %d on the shared lot: %d acknowledged, %d refused)
                first acknowledged inventory write sent after the restart: %s
                allocation answered again %s, shipment %s after the restart
                %s""", WRITERS, DOWNTIME, seconds(t0, end), seconds(t0, down), seconds(t0, up), seconds(down, up),
                writers.stream().map(w -> w.iterations.get()).toList(), acked.size(), SHARED_TAKE, sharedAcked,
                sharedRefused.get(), after(up, firstAckAfterUp.get()), after(up, prober.allocationBack.get()),
                after(up, prober.shipmentBack.get()), log.table());

        // the data first (what must never break), then the outage contract: both are reported
        assertAll("after a database restart",
                () -> assertEquals(List.of(), List.copyOf(unexpected), "answers no client should get"),
                () -> assertAcknowledgedWritesKept(inventory, acked, sharedLot, sharedAcked, sharedRefused.get()),
                () -> Invariants.assertHold(system),
                () -> {
                    for (String s : CorridorSystem.SERVICES) {
                        assertTrue(system.isRunning(s), s + " still runs");
                        assertEquals(pids.get(s), system.pid(s), s + " recovered in the same process");
                    }
                },
                () -> assertNotNull(firstAckAfterUp.get(), "inventory-service acknowledged writes after the restart"),
                () -> assertNotNull(prober.allocationBack.get(), "allocation-service answered after the restart"),
                () -> assertNotNull(prober.shipmentBack.get(), "shipment-service answered after the restart"),
                () -> assertTrue(failures(log, "2-outage") > 0, "the restart was felt by the clients"),
                () -> assertEquals(0, log.total("500"), "no 500 at any time: " + log.byOutcome()),
                () -> assertEquals(List.of(), log.brokenAnswers(), "every 503 has Retry-After and a problem JSON"));
    }

    /** Every acknowledged write is there once, with exactly the quantities acknowledged; nothing else is. */
    static void assertAcknowledgedWritesKept(RetryingClient inventory, List<Acked> acked, String sharedLot,
            long sharedAcked, int sharedRefused) throws SQLException {
        for (Acked a : acked) {
            JsonPath lot = inventory.get("verify lot", "/stock/lots/" + a.lotId()).json();
            assertEquals(a.lotCode(), lot.getString("lotCode"));
            assertEquals(a.quantity(), lot.getLong("onHand"), "lot " + a.lotCode());
            assertEquals(OWN_RESERVE - a.released(), lot.getLong("reserved"), "lot " + a.lotCode());
            JsonPath r = inventory.get("verify reservation", "/reservations/" + a.reservationId()).json();
            assertEquals("HELD", r.getString("status"));
            assertEquals(OWN_RESERVE - a.released(), r.getLong("lines[0].held"));
            assertEquals(a.released(), r.getLong("lines[0].released"));
        }
        JsonPath shared = inventory.get("verify lot", "/stock/lots/" + sharedLot).json();
        assertEquals(SHARED_STOCK, shared.getLong("onHand"));
        assertEquals(SHARED_TAKE * sharedAcked, shared.getLong("reserved"),
                "the shared lot holds exactly the acknowledged reservations");
        if (sharedRefused > 0) {
            assertTrue(shared.getLong("available") < SHARED_TAKE,
                    "refused only once it ran out: available " + shared.getLong("available"));
        }
        // nothing more than acknowledged: one lot per receipt, one reservation per acknowledged reservation
        assertEquals(acked.size(), count("SELECT COUNT(*) FROM stock_lot WHERE lot_code LIKE 'DBR-W%'"));
        assertEquals(acked.size(), count("SELECT COUNT(*) FROM ledger_entry e JOIN stock_lot l ON l.id = e.lot_id "
                + "WHERE l.lot_code LIKE 'DBR-W%' AND e.type = 'RECEIPT'"));
        assertEquals(acked.size() + sharedAcked,
                count("SELECT COUNT(*) FROM reservation WHERE reference LIKE 'dbrestart-%'"));
        assertEquals(acked.stream().filter(a -> a.released() > 0).count(),
                count("SELECT COUNT(*) FROM reservation_settlement s JOIN reservation r ON r.id = s.reservation_id "
                        + "WHERE r.reference LIKE 'dbrestart-%' AND s.kind = 'RELEASE'"));
    }

    /** One client: iterations of receipt, reservation, (partial release), shared reservation until told to stop. */
    static final class Writer implements Runnable {
        final int id;
        final RetryingClient inventory;
        final String depot;
        final String org;
        final String sharedLot;
        final AtomicBoolean stop;
        final AtomicReference<Instant> dbUp;
        final AtomicReference<Instant> firstAckAfterUp;
        final ConcurrentLinkedQueue<String> unexpected;
        final AtomicInteger sharedRefused;
        final AtomicInteger iterations = new AtomicInteger();
        final ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();

        Writer(int id, RetryingClient inventory, String depot, String org, String sharedLot, AtomicBoolean stop,
                AtomicReference<Instant> dbUp, AtomicReference<Instant> firstAckAfterUp,
                ConcurrentLinkedQueue<String> unexpected, AtomicInteger sharedRefused) {
            this.id = id;
            this.inventory = inventory;
            this.depot = depot;
            this.org = org;
            this.sharedLot = sharedLot;
            this.stop = stop;
            this.dbUp = dbUp;
            this.firstAckAfterUp = firstAckAfterUp;
            this.unexpected = unexpected;
            this.sharedRefused = sharedRefused;
        }

        @Override
        public void run() {
            for (int n = 0; !stop.get(); n++) {
                iteration(n);
                iterations.incrementAndGet();
            }
        }

        private void iteration(int n) {
            String tag = "w" + id + "-" + n;
            long quantity = 20 + n % 5;
            String lotCode = "DBR-W" + id + "-" + n;
            RetryingClient.Answer receipt = write(201, "receipt", "/depots/" + depot + "/receipts",
                    "dbr-" + tag + "-receipt", Map.of("itemCode", "DBR-KIT", "quantity", quantity, "lotCode", lotCode,
                            "donorOrganisationId", org, "note", "restart test " + tag));
            if (receipt == null) {
                return;
            }
            String lotId = receipt.json().getString("lotId");
            RetryingClient.Answer reserved = write(201, "reservation", "/reservations", "dbr-" + tag + "-reserve",
                    Map.of("reference", "dbrestart-" + tag, "lines",
                            List.of(Map.of("lotId", lotId, "quantity", OWN_RESERVE))));
            if (reserved == null) {
                return;
            }
            String reservationId = reserved.json().getString("id");
            long released = 0;
            if (n % 2 == 1) {
                RetryingClient.Answer release = write(200, "partial release",
                        "/reservations/" + reservationId + "/release", "dbr-" + tag + "-release",
                        Map.of("lines", List.of(Map.of("lotId", lotId, "quantity", OWN_RELEASE))));
                if (release == null) {
                    return;
                }
                released = OWN_RELEASE;
            }
            Instant sent = Instant.now();
            RetryingClient.Answer shared = inventory.post("shared reservation", "/reservations",
                    "dbr-" + tag + "-shared", Map.of("reference", "dbrestart-shared-" + tag, "lines",
                            List.of(Map.of("lotId", sharedLot, "quantity", SHARED_TAKE))));
            String sharedId = null;
            if (shared.status() == 201) {
                sharedId = shared.json().getString("id");
                acknowledged(sent);
            } else if (shared.status() == 409) {
                sharedRefused.incrementAndGet();
            } else {
                unexpected.add("shared reservation " + tag + ": " + shared.status() + " " + shared.body());
            }
            acked.add(new Acked(lotId, lotCode, quantity, reservationId, released, sharedId));
        }

        /** A write that must succeed with {@code expected}; null (and recorded) otherwise. */
        private RetryingClient.Answer write(int expected, String operation, String path, String key, Object body) {
            Instant sent = Instant.now();
            RetryingClient.Answer a = inventory.post(operation, path, key, body);
            if (a.status() != expected) {
                unexpected.add(operation + " " + key + ": " + a.status() + " " + a.body());
                return null;
            }
            acknowledged(sent);
            return a;
        }

        private void acknowledged(Instant sent) {
            Instant up = dbUp.get();
            if (up != null && sent.isAfter(up)) {
                firstAckAfterUp.compareAndSet(null, Instant.now());
            }
        }
    }

    /**
     * Reads allocation's and shipment's databases through their APIs every 200 ms (single attempts, counted), and notes
     * when each first answers 2xx again after the restart.
     */
    static final class Prober implements Runnable {
        final RetryingClient allocation;
        final RetryingClient shipment;
        final AtomicBoolean stop;
        final AtomicReference<Instant> dbUp;
        final AtomicReference<Instant> allocationBack = new AtomicReference<>();
        final AtomicReference<Instant> shipmentBack = new AtomicReference<>();

        Prober(RetryingClient allocation, RetryingClient shipment, AtomicBoolean stop, AtomicReference<Instant> dbUp) {
            this.allocation = allocation;
            this.shipment = shipment;
            this.stop = stop;
            this.dbUp = dbUp;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                probe(allocation, "allocation GET plans", "/plans?size=1", allocationBack);
                probe(shipment, "shipment GET list", "/shipments?size=1", shipmentBack);
                Scenario.sleep(200);
            }
        }

        /** After the writers stopped: probes on until both services answered since the restart, or the timeout. */
        void awaitBack(Duration timeout) {
            Instant giveUp = Instant.now().plus(timeout);
            while ((allocationBack.get() == null || shipmentBack.get() == null) && Instant.now().isBefore(giveUp)) {
                probe(allocation, "allocation GET plans", "/plans?size=1", allocationBack);
                probe(shipment, "shipment GET list", "/shipments?size=1", shipmentBack);
                Scenario.sleep(200);
            }
        }

        private void probe(RetryingClient client, String operation, String path, AtomicReference<Instant> back) {
            Instant sent = Instant.now();
            Optional<RetryingClient.Answer> a = client.once(operation, path);
            Instant up = dbUp.get();
            if (a.isPresent() && a.get().ok() && up != null && sent.isAfter(up)) {
                back.compareAndSet(null, Instant.now());
            }
        }
    }

    static void awaitIterations(List<Writer> writers, int n, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        while (writers.stream().anyMatch(w -> w.iterations.get() < n)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("writers did not get going: "
                        + writers.stream().map(w -> w.iterations.get()).toList());
            }
            Scenario.sleep(100);
        }
    }

    static boolean advanced(List<Writer> writers, int[] from, int by) {
        for (int i = 0; i < writers.size(); i++) {
            if (writers.get(i).iterations.get() < from[i] + by) {
                return false;
            }
        }
        return true;
    }

    /** 5xx answers and answers that never came, in {@code phase}. */
    static long failures(StatusLog log, String phase) {
        long n = log.total(phase, StatusLog.CONNECTION_ERROR) + log.total(phase, StatusLog.TIMEOUT);
        for (int status = 500; status < 600; status++) {
            n += log.total(phase, String.valueOf(status));
        }
        return n;
    }

    static long count(String sql) throws SQLException {
        try (Connection c = system.connect("inventory");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    static String after(Instant up, Instant at) {
        return at == null ? "never" : String.format("%.2f s", seconds(up, at));
    }
}
