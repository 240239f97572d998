package org.corridor.allocation.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.local.CorridorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Plan approval under real faults, with the approval's timings shortened ({@link #ENV}): inventory-service committing a
 * reservation or a team assignment after allocation-service's call timed out (its rows locked from a JDBC transaction),
 * shipment-service killed (SIGKILL) between two shipment creations, allocation-service killed in the middle of an
 * approval, and PostgreSQL restarted while approvals, receipts and reservations flow.
 * <p>
 * After each fault the approval must end either APPROVED (one reservation holding exactly the plan, shipments carrying
 * exactly it, its team assigned) or SOLVED with an {@code approvalError} and nothing held anywhere; the cross-database
 * {@link Invariants} must hold and each need's coverage (GET /incidents/{id}/needs) must agree with the plan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalFaultIT {

    /** Allocation's inventory calls time out after this; the approval gives up after {@link #GIVE_UP}. */
    static final Duration INVENTORY_TIMEOUT = Duration.ofSeconds(2);
    static final Duration GIVE_UP = Duration.ofSeconds(10);
    static final Duration SETTLE = Duration.ofSeconds(2);
    /** How often allocation releases reservations that committed after their approval had ended. */
    static final Duration ORPHAN_SWEEP = Duration.ofSeconds(2);

    static final Map<String, String> ENV = Map.of(
            "CORRIDOR_APPROVAL_ANSWER_WITHIN", "PT5S",
            "CORRIDOR_APPROVAL_GIVE_UP_AFTER", GIVE_UP.toString(),
            "CORRIDOR_APPROVAL_SETTLE_DELAY", SETTLE.toString(),
            "CORRIDOR_APPROVAL_LEASE", "PT5S",
            "CORRIDOR_APPROVAL_RETRY_EVERY", "PT1S",
            "CORRIDOR_APPROVAL_ORPHAN_SWEEP_EVERY", ORPHAN_SWEEP.toString(),
            "CORRIDOR_COVERAGE_SYNC_EVERY", "PT1S",
            "ORG_CORRIDOR_ALLOCATION_CLIENT_INVENTORY_INVENTORYGATEWAY_TIMEOUT_VALUE",
            String.valueOf(INVENTORY_TIMEOUT.toMillis()));

    static CorridorSystem system;
    static final StatusLog log = new StatusLog();
    static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void start() {
        system = CorridorSystem.start(Path.of("target/it-logs/approval-faults"), ENV);
    }

    @AfterAll
    static void stop() {
        System.out.println("\n=== approval faults ===\n" + String.join("\n", report) + "\n" + log.table());
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void inventoryCommitsTheReservationAfterAllocationTimedOutBeforeItGivesUp() throws Exception {
        // longer than one gateway call (three attempts of 2 s), shorter than the give-up
        lockedLots("F1", "USAR_HEAVY", Duration.ofSeconds(8));
    }

    @Test
    @Order(6)
    void inventoryCommitsTheReservationAfterAllocationGaveUpAndSettled() throws Exception {
        // held well past give-up + settle delay (yet within inventory's transaction timeout): the undo looks while
        // the reservation is still blocked, and it commits afterwards; allocation's orphan sweep must release it
        lockedLots("F2", "USAR_MEDIUM", GIVE_UP.plus(SETTLE).plusSeconds(12));
    }

    /**
     * The team counterpart of F2: the plan's team row is locked in inventory's database while the plan is approved, so
     * the assignment waits past allocation's give-up and settle delay; the undo finds no team assigned and the plan is
     * SOLVED again; only then do the locks go, the assignment commits under {@code plan-<id>} for a plan that holds
     * nothing, and allocation's orphan team sweep must release it.
     */
    @Test
    @Order(7)
    void aTeamAssignmentCommittingAfterTheApprovalEndedIsReleasedBySweep() throws Exception {
        log.phase("F6");
        Crisis c = new Crisis(system, "F6", log);
        String planId = c.solvedWithDepots(2, "USAR_LIGHT");
        String teamId = c.plan(planId).getString("teamAssignments[0].teamId");
        assertNotNull(teamId, "the plan assigns a team");
        Instant t0 = Instant.now();
        JsonPath end;
        Instant released;
        try (Connection lock = system.connect("inventory")) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("SELECT id FROM team WHERE id = ? FOR UPDATE")) {
                s.setObject(1, UUID.fromString(teamId));
                s.executeQuery().close();
            }
            CompletableFuture<Instant> approval = ended(() -> c.approve(planId, "approve-F6", Duration.ofMinutes(3)));
            awaitLockWaiter(Duration.ofMinutes(1));
            approval.get(3, TimeUnit.MINUTES);
            end = c.plan(planId);
            lock.commit();
            released = Instant.now();
        }
        assertEquals("SOLVED", end.getString("status"), "the approval ended while the assignment was blocked: "
                + end.prettify());
        // the blocked assignment commits now, after the approval ended; the sweep (every ORPHAN_SWEEP) releases it
        awaitCount("inventory", "SELECT COUNT(*) FROM team WHERE id = ? AND status = 'ASSIGNED' "
                + "AND assignment_reference = 'plan-" + planId + "'", teamId, 1, Duration.ofSeconds(30));
        Instant assigned = Instant.now();
        awaitCount("inventory", "SELECT COUNT(*) FROM team WHERE id = ? AND status = 'AVAILABLE'", teamId, 1,
                ORPHAN_SWEEP.multipliedBy(5).plusSeconds(10));
        Instant freed = Instant.now();
        report.add(String.format("F6: team row locked %.1f s; approval ended as %s%s; the assignment committed "
                + "%.1f s after the locks went and was released by the sweep %.1f s later", seconds(t0, released),
                end.getString("status"), errorOf(end), seconds(released, assigned), seconds(assigned, freed)));
        assertSettled(c, planId);
    }

    /**
     * The shipment counterpart of F2: shipment-service's shipment table is locked against writes while the plan is
     * approved, so the shipment's creation waits past allocation's give-up and settle delay; the undo (which can still
     * read the table) finds no shipment and the plan is SOLVED again; then the lock goes, the shipment commits PLANNED
     * for a plan that holds nothing, and allocation's orphan shipment sweep must cancel it.
     */
    @Test
    @Order(8)
    void aShipmentCommittingAfterTheApprovalEndedIsCancelledBySweep() throws Exception {
        log.phase("F7");
        Crisis c = new Crisis(system, "F7", log);
        String planId = c.solvedWithDepots(1, "EMT_SPECIALISED_CELL");
        Instant t0 = Instant.now();
        JsonPath end;
        Instant released;
        try (Connection lock = system.connect("shipment")) {
            lock.setAutoCommit(false);
            try (java.sql.Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE shipment IN EXCLUSIVE MODE");
            }
            CompletableFuture<Instant> approval = ended(() -> c.approve(planId, "approve-F7", Duration.ofMinutes(3)));
            awaitLockWaiter("shipment", Duration.ofMinutes(1));
            approval.get(3, TimeUnit.MINUTES);
            end = c.plan(planId);
            lock.commit();
            released = Instant.now();
        }
        assertEquals("SOLVED", end.getString("status"), "the approval ended while the shipment was blocked: "
                + end.prettify());
        // the blocked creation commits now, after the approval ended; the sweep (every ORPHAN_SWEEP) cancels it
        awaitCount("shipment", "SELECT COUNT(*) FROM shipment WHERE plan_id = ?", planId, 1, Duration.ofSeconds(30));
        Instant created = Instant.now();
        awaitCount("shipment", "SELECT CASE WHEN COUNT(*) = 0 THEN 1 ELSE 0 END FROM shipment WHERE plan_id = ? "
                + "AND status <> 'CANCELLED'", planId, 1, ORPHAN_SWEEP.multipliedBy(5).plusSeconds(10));
        Instant cancelled = Instant.now();
        report.add(String.format("F7: shipment table locked %.1f s; approval ended as %s%s; the shipment committed "
                + "%.1f s after the lock went and was cancelled by the sweep %.1f s later", seconds(t0, released),
                end.getString("status"), errorOf(end), seconds(released, created), seconds(created, cancelled)));
        assertSettled(c, planId);
    }

    /**
     * Holds {@code SELECT ... FOR UPDATE} locks on the balances of the plan's lots in inventory's database for
     * {@code hold} while the plan is approved, so inventory's reservation waits and commits only after allocation's
     * call timed out; then lets go.
     */
    void lockedLots(String tag, String teamType, Duration hold) throws Exception {
        log.phase(tag);
        Crisis c = new Crisis(system, tag, log);
        String planId = c.solvedWithDepots(2, teamType);
        List<UUID> lots = Crisis.perLot(c.plan(planId)).keySet().stream().map(UUID::fromString).toList();
        Instant t0;
        Instant released;
        Instant ended;
        int heldBefore;
        String seenByAllocation;
        try (Connection lock = system.connect("inventory")) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock
                    .prepareStatement("SELECT lot_id FROM stock_balance WHERE lot_id = ANY (?) FOR UPDATE")) {
                Array ids = lock.createArrayOf("uuid", lots.toArray());
                s.setArray(1, ids);
                try (ResultSet r = s.executeQuery()) {
                    int n = 0;
                    while (r.next()) {
                        n++;
                    }
                    assertEquals(lots.size(), n, "every lot of the plan locked");
                }
            }
            t0 = Instant.now();
            CompletableFuture<Instant> approval = ended(() -> c.approve(planId, "approve-" + tag,
                    Duration.ofMinutes(3)));
            // the hold counts from the moment inventory's reservation waits for the locks: on a loaded machine the
            // approval's checks before it may take seconds, and a reservation arriving after the locks went would
            // not test anything
            Instant blocked = awaitLockWaiter(Duration.ofMinutes(1));
            seenByAllocation = awaitApprovalError(planId, blocked.plus(hold));
            heldBefore = reservationsOf(planId);
            lock.commit();
            released = Instant.now();
            ended = approval.get(4, TimeUnit.MINUTES);
        }
        JsonPath end = c.awaitPlan(planId, "APPROVING", Duration.ofMinutes(3));
        String late = "";
        boolean endedBeforeTheLocksWent = ended.isBefore(released);
        if (endedBeforeTheLocksWent && "SOLVED".equals(end.getString("status"))) {
            // the undo looked while the reservation was blocked: it commits now, after the approval ended, and the
            // orphan sweep (every ORPHAN_SWEEP) must release it
            int committed = awaitCount("inventory",
                    "SELECT COUNT(*) FROM reservation WHERE reference = 'plan-' || CAST(? AS text)",
                    planId, 1, Duration.ofSeconds(30));
            Instant freed = awaitNothingHeld(planId, ORPHAN_SWEEP.multipliedBy(5).plusSeconds(10));
            late = String.format("; %d reservation(s) committed after the approval ended, nothing held %.1f s after "
                    + "the locks went", committed, seconds(released, freed));
        }
        report.add(String.format(
                "%s: lots locked %.1f s (allocation's inventory timeout %s, give-up %s); allocation meanwhile saw: %s; "
                        + "reservations of the plan before the locks went: %d; approval ended %.1f s after t0 as %s%s%s",
                tag, seconds(t0, released), INVENTORY_TIMEOUT, GIVE_UP, seenByAllocation, heldBefore,
                seconds(t0, ended), end.getString("status"), errorOf(end), late));
        try {
            assertEquals(0, heldBefore, "inventory could not commit while its rows were locked");
            assertNotNull(seenByAllocation, "allocation's call timed out while the rows were locked");
            assertSettled(c, planId);
        } finally {
            releaseOrphans(c, planId);
        }
    }

    /** Waits until a session of inventory's database waits for a lock (the reservation blocked); answers when. */
    static Instant awaitLockWaiter(Duration timeout) throws SQLException {
        return awaitLockWaiter("inventory", timeout);
    }

    /** Waits until a session of the service's database waits for a lock; answers when. */
    static Instant awaitLockWaiter(String service, Duration timeout) throws SQLException {
        Instant giveUp = Instant.now().plus(timeout);
        try (Connection db = system.connect(service);
                PreparedStatement s = db.prepareStatement(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            while (Instant.now().isBefore(giveUp)) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return Instant.now();
                    }
                }
                Scenario.sleep(20);
            }
        }
        throw new AssertionError("no request of " + service + " waited for the locked rows within " + timeout);
    }

    /**
     * Waits until no reservation of the plan holds stock in inventory's database; answers when. Fails after
     * {@code timeout}.
     */
    static Instant awaitNothingHeld(String planId, Duration timeout) throws SQLException {
        awaitCount("inventory", "SELECT CASE WHEN COUNT(*) = 0 THEN 1 ELSE 0 END FROM reservation "
                + "WHERE reference = 'plan-' || CAST(? AS text) AND status = 'HELD'", planId, 1, timeout);
        return Instant.now();
    }

    /**
     * After a failed check: releases what a plan that ended SOLVED still holds, so that the following tests, which
     * check the invariants of the whole system, are not failed by this one's leftovers.
     */
    static void releaseOrphans(Crisis c, String planId) {
        if (!"SOLVED".equals(c.plan(planId).getString("status"))) {
            return;
        }
        for (Map<String, Object> r : c.reservations(planId)) {
            if ("HELD".equals(r.get("status"))) {
                System.out.println("releasing reservation " + r.get("id") + " left HELD for SOLVED plan " + planId);
                c.inventory.post("repair", "/reservations/" + r.get("id") + "/release", "repair-" + r.get("id"), null);
            }
        }
    }

    @Test
    @Order(3)
    void shipmentServiceKilledBetweenTwoShipmentCreations() throws Exception {
        log.phase("F3");
        Crisis c = new Crisis(system, "F3", log);
        String planId = c.solvedWithDepots(4, "EMT_TYPE_2");
        Instant t0 = Instant.now();
        CompletableFuture<Instant> approval = ended(() -> c.approve(planId, "approve-F3", Duration.ofMinutes(4)));
        int atKill = awaitCount("shipment", "SELECT COUNT(*) FROM shipment WHERE plan_id = ?", planId, 1,
                Duration.ofMinutes(2));
        system.kill("shipment");
        Instant killed = Instant.now();
        int afterKill = countOf("shipment", "SELECT COUNT(*) FROM shipment WHERE plan_id = ?", planId);
        Scenario.sleep(2000);
        system.restart("shipment");
        Instant back = Instant.now();
        Instant ended = approval.get(5, TimeUnit.MINUTES);
        JsonPath end = c.awaitPlan(planId, "APPROVING", Duration.ofMinutes(3));
        report.add(String.format(
                "F3: shipment-service killed %.1f s after the approval started, with %d of 4 shipments created "
                        + "(%d in its database after the kill); back %.1f s later; approval ended %.1f s after t0 as %s%s",
                seconds(t0, killed), atKill, afterKill, seconds(killed, back), seconds(t0, ended),
                end.getString("status"), errorOf(end)));
        assertTrue(afterKill < 4, "killed before the last shipment was created (" + afterKill + " of 4)");
        assertSettled(c, planId);
    }

    @Test
    @Order(4)
    void allocationServiceKilledInTheMiddleOfAnApproval() throws Exception {
        log.phase("F4");
        Crisis c = new Crisis(system, "F4", log);
        String planId = c.solvedWithDepots(4, "EMT_TYPE_1_MOBILE");
        Instant t0 = Instant.now();
        CompletableFuture<Integer> post = CompletableFuture.supplyAsync(() -> {
            try {
                return c.allocation.post("approval", "/plans/" + planId + "/approval", "approve-F4", null).status();
            } catch (RetryingClient.GaveUp e) {
                return -1;
            }
        });
        int doneAtKill = awaitCount("allocation", "SELECT COUNT(*) FROM approval_step WHERE plan_id = ? "
                + "AND state = 'DONE'", planId, 1, Duration.ofMinutes(2));
        String statusAtKill = planStatus(planId);
        system.kill("allocation");
        Instant killed = Instant.now();
        int doneAfterKill = countOf("allocation",
                "SELECT COUNT(*) FROM approval_step WHERE plan_id = ? AND state = 'DONE'", planId);
        system.restart("allocation");
        Instant back = Instant.now();
        // the POST of the killed process was retried by the client with the same key against the new process
        int postStatus = post.get(5, TimeUnit.MINUTES);
        JsonPath end = c.awaitPlan(planId, "APPROVING", Duration.ofMinutes(3));
        report.add(String.format(
                "F4: allocation-service killed %.1f s after the approval started (plan %s, %d of 6 steps done; %d "
                        + "after the kill), ready again %.1f s later; the client's POST ended %d; approval ended "
                        + "%.1f s after t0 as %s%s",
                seconds(t0, killed), statusAtKill, doneAtKill, doneAfterKill, seconds(killed, back), postStatus,
                seconds(t0, Instant.now()), end.getString("status"), errorOf(end)));
        assertEquals("APPROVING", statusAtKill, "killed in the middle of the approval");
        assertSettled(c, planId);
    }

    @Test
    @Order(5)
    void databaseRestartedWhileApprovalsReceiptsAndReservationsFlow() throws Exception {
        assumeTrue(system.canRestartDatabase(), "an external PostgreSQL cannot be restarted by the test");
        log.phase("F5 setup");
        List<Crisis> crises = new ArrayList<>();
        List<String> plans = new ArrayList<>();
        String[] types = {"WASH", "LOGISTICS", "EMT_TYPE_3"};
        for (int i = 0; i < 3; i++) {
            Crisis c = new Crisis(system, "F5" + (char) ('A' + i), log);
            plans.add(c.solvedWithDepots(3, types[i]));
            crises.add(c);
        }
        // writers as in DatabaseRestartIT, on a depot and a shared lot of their own
        Crisis w = crises.get(0);
        String depot = w.depot("W", "TUR", 38.0, 36.0);
        w.inventory.post("setup", "/items", "item-DBR-KIT", Map.of("code", "DBR-KIT", "name", "Restart kit",
                "category", "NFI", "unit", "each", "unitWeightKg", 2.0, "unitVolumeM3", 0.01));
        String sharedLot = w.lot(depot, "DBR-KIT", "DBR-SHARED", DatabaseRestartIT.SHARED_STOCK);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Instant> dbUp = new AtomicReference<>();
        AtomicReference<Instant> firstAck = new AtomicReference<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        List<DatabaseRestartIT.Writer> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writers.add(new DatabaseRestartIT.Writer(i, w.inventory, depot, w.org, sharedLot, stop, dbUp, firstAck,
                    unexpected, refused));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers.size() + plans.size());
        List<Future<?>> running = new ArrayList<>();
        List<Future<JsonPath>> approvals = new ArrayList<>();
        Instant t0 = Instant.now();
        Instant down;
        Instant up;
        try {
            log.phase("F5 outage");
            writers.forEach(x -> running.add(pool.submit(x)));
            for (int i = 0; i < plans.size(); i++) {
                Crisis c = crises.get(i);
                String planId = plans.get(i);
                approvals.add(pool.submit(() -> c.approve(planId, "approve-" + c.tag, Duration.ofMinutes(4))));
            }
            Scenario.sleep(300);
            down = Instant.now();
            system.restartDatabase(Duration.ofSeconds(3));
            up = Instant.now();
            dbUp.set(up);
            log.phase("F5 after");
            Scenario.sleep(5000);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(3, TimeUnit.MINUTES);
            }
            for (Future<JsonPath> f : approvals) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        StringBuilder ends = new StringBuilder();
        for (int i = 0; i < plans.size(); i++) {
            JsonPath end = crises.get(i).awaitPlan(plans.get(i), "APPROVING", Duration.ofMinutes(3));
            ends.append(crises.get(i).tag).append(' ').append(end.getString("status")).append(errorOf(end))
                    .append("; ");
        }
        int acked = writers.stream().mapToInt(x -> x.acked.size()).sum();
        report.add(String.format(
                "F5: PostgreSQL down %.1f s after three approvals and four writers started, back after %.1f s; "
                        + "writers acknowledged %d iterations; approvals ended %.1f s after t0: %s",
                seconds(t0, down), seconds(down, up), acked, seconds(t0, Instant.now()), ends));
        assertAll("after a database restart during approvals",
                () -> assertEquals(List.of(), List.copyOf(unexpected), "answers no writer should get"),
                () -> {
                    for (int i = 0; i < plans.size(); i++) {
                        assertSettled(crises.get(i), plans.get(i));
                    }
                },
                () -> assertEquals(0, log.total("F5 outage", "500") + log.total("F5 after", "500"),
                        "no 500 during or after the restart:\n" + log.table()),
                () -> assertEquals(List.of(), log.brokenAnswers(), "every 503 has Retry-After and problem JSON"));
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * The approval has ended one of the two allowed ways: APPROVED with exactly the plan held and shipped and its team
     * assigned, or SOLVED with an approval error and nothing held; and the invariants and coverage agree.
     */
    static void assertSettled(Crisis c, String planId) {
        JsonPath plan = c.plan(planId);
        String status = plan.getString("status");
        Map<String, Long> planned = Crisis.perLot(plan);
        List<Map<String, Object>> held = c.reservations(planId).stream().filter(r -> "HELD".equals(r.get("status")))
                .toList();
        List<Map<String, Object>> live = c.shipments(planId).stream()
                .filter(s -> !"CANCELLED".equals(s.get("status"))).toList();
        switch (status) {
            case "APPROVED" -> assertAll("plan " + planId + " APPROVED",
                    () -> assertEquals(1, held.size(), "one reservation holds the plan"),
                    () -> assertEquals(planned.values().stream().mapToLong(Long::longValue).sum(),
                            held.stream().mapToLong(ApprovalScaleIT::held).sum(), "held for the plan"),
                    () -> assertEquals(ApprovalScaleIT.toInt(planned), Scenario.shipped(live),
                            "live shipments carry the plan"),
                    () -> assertEquals(null, plan.getString("approvalError")));
            case "SOLVED" -> assertAll("plan " + planId + " SOLVED after a failed approval",
                    () -> assertNotNull(plan.getString("approvalError.type"), "approvalError " + plan.prettify()),
                    () -> assertNotNull(plan.getString("approvalError.title")),
                    () -> assertTrue(plan.getInt("approvalError.status") >= 400),
                    () -> assertNotNull(plan.getString("approvalError.detail")),
                    () -> assertEquals(List.of(), held, "nothing held"),
                    () -> assertEquals(List.of(), live, "no live shipment"));
            default -> fail("plan " + planId + " ended " + status + ": " + plan.prettify());
        }
        Invariants.assertHoldWithin(system, Duration.ofSeconds(15));
        Instant giveUp = Instant.now().plusSeconds(15);
        List<String> coverage = c.coverageMismatches(planId);
        while (!coverage.isEmpty() && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(500);
            coverage = c.coverageMismatches(planId);
        }
        assertEquals(List.of(), coverage, "coverage of the needs agrees with the plan");
    }

    /** Runs the approval (which returns once the plan is no longer APPROVING) and answers when it ended. */
    static CompletableFuture<Instant> ended(Runnable approval) {
        return CompletableFuture.supplyAsync(() -> {
            approval.run();
            return Instant.now();
        });
    }

    /** Polls allocation's approval run of the plan until {@code until}; answers the last error it recorded, if any. */
    static String awaitApprovalError(String planId, Instant until) throws SQLException {
        String seen = null;
        while (Instant.now().isBefore(until)) {
            try (Connection db = system.connect("allocation");
                    PreparedStatement s = db.prepareStatement(
                            "SELECT last_error, phase FROM approval_run WHERE plan_id = ?")) {
                s.setObject(1, UUID.fromString(planId));
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getString(1) != null) {
                        seen = r.getString(2) + ": " + r.getString(1);
                    }
                }
            }
            Scenario.sleep(200);
        }
        return seen;
    }

    /** Reservations with the plan's reference in inventory's database (any status). */
    static int reservationsOf(String planId) throws SQLException {
        try (Connection db = system.connect("inventory");
                PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM reservation WHERE reference = ?")) {
            s.setString(1, "plan-" + planId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Polls a count about the plan in a service's database every 5 ms until it reaches {@code atLeast}. */
    static int awaitCount(String service, String sql, String planId, int atLeast, Duration timeout)
            throws SQLException {
        Instant giveUp = Instant.now().plus(timeout);
        try (Connection db = system.connect(service); PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(planId));
            while (Instant.now().isBefore(giveUp)) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= atLeast) {
                        return r.getInt(1);
                    }
                }
                Scenario.sleep(5);
            }
        }
        throw new AssertionError("'" + sql + "' for plan " + planId + " did not reach " + atLeast + " in " + timeout);
    }

    static int countOf(String service, String sql, String planId) throws SQLException {
        try (Connection db = system.connect(service); PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(planId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static String planStatus(String planId) throws SQLException {
        try (Connection db = system.connect("allocation");
                PreparedStatement s = db.prepareStatement("SELECT status FROM plan WHERE id = ?")) {
            s.setObject(1, UUID.fromString(planId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    static String errorOf(JsonPath plan) {
        String title = plan.getString("approvalError.title");
        return title == null
                ? ""
                : " (" + plan.getInt("approvalError.status") + " " + title + ": "
                        + plan.getString("approvalError.detail") + ")";
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
