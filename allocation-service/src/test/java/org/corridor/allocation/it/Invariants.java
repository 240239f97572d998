package org.corridor.allocation.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.local.CorridorSystem;

/**
 * What must hold across the three databases of a {@link CorridorSystem} after any fault, read with plain SQL from each
 * service's own tables (no service code): stock is never lost, oversold or committed twice.
 * <ul>
 * <li>inventory alone: every lot's ledger sums equal its balance and its last entry's running totals; a lot's reserved
 * quantity is exactly what reservations hold on it; each reservation line's ledger entries add up to what it holds and
 * what was consumed of it; a reservation is HELD exactly when it holds something;</li>
 * <li>allocation and inventory: no reservation with reference {@code plan-<id>} holds stock unless plan {@code <id>} is
 * APPROVED, APPROVING or SUPERSEDED (a re-plan keeps some of its base's shipments, and their stock, as they are), and
 * no plan has more than one reservation that holds or consumed stock;</li>
 * <li>shipment and inventory: a PLANNED shipment's lines are held in its reservation (and nothing of it was settled
 * yet); a dispatched shipment was consumed, a cancelled one released (no release left pending), each once under its own
 * reference;</li>
 * <li>allocation and inventory's teams: a team is assigned under {@code plan-<id>} only while that plan is committing,
 * and every team of an APPROVED plan is assigned under the reference recorded for it (a re-plan keeps its base's);</li>
 * <li>allocation alone and with shipment: the lines of a plan that is not committing are PLANNED and carried by
 * nothing; each line of an APPROVED or SUPERSEDED plan is carried by a shipment of the plan, or of a plan it
 * re-planned, with its lot, and its state follows that shipment (what coverage of needs is derived from); an approval
 * run exists exactly while its plan is APPROVING, and no plan was approved twice;</li>
 * <li>allocation and shipment: the live (not cancelled) shipments of an APPROVED plan and of the plans it re-planned
 * carry exactly their lines in force (not superseded), one per depot, site and mode; a plan that is not committing has
 * no live shipment.</li>
 * </ul>
 * {@link #violations} answers each broken rule as one sentence a person can check; {@link #assertHold} fails with all
 * of them.
 */
final class Invariants {

    private static final Pattern PLAN_REFERENCE = Pattern
            .compile("plan-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    /**
     * Plan statuses under which the plan's reservation and shipments may live (a SUPERSEDED plan's shipments that its
     * re-plan kept, or that had left, live on).
     */
    static final Set<String> COMMITTING = Set.of("APPROVED", "APPROVING", "SUPERSEDED");

    private final CorridorSystem system;
    private final List<String> violations = new ArrayList<>();
    /** Re-plan id -> the plan it re-plans. */
    private final Map<String, String> basePlan = new HashMap<>();

    /** The plan and the plans it re-planned, newest first. */
    private List<String> chain(String plan) {
        List<String> out = new ArrayList<>();
        for (String p = plan; p != null && !out.contains(p); p = basePlan.get(p)) {
            out.add(p);
        }
        return out;
    }

    private Invariants(CorridorSystem system) {
        this.system = system;
    }

    /** Fails listing every violation, if there is any. */
    static void assertHold(CorridorSystem system) {
        List<String> v = violations(system);
        if (!v.isEmpty()) {
            fail(v.size() + " invariant violation(s):\n  " + String.join("\n  ", v));
        }
    }

    /**
     * Fails listing every violation unless all invariants hold within {@code within}: plan lines follow shipments in
     * the background (coverage sync), so a check right after a fault may briefly see them behind.
     */
    static void assertHoldWithin(CorridorSystem system, Duration within) {
        Instant giveUp = Instant.now().plus(within);
        List<String> v = violations(system);
        while (!v.isEmpty() && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(500);
            v = violations(system);
        }
        if (!v.isEmpty()) {
            fail(v.size() + " invariant violation(s):\n  " + String.join("\n  ", v));
        }
    }

    /** Every broken invariant, as human-readable sentences; empty when all hold. */
    static List<String> violations(CorridorSystem system) {
        Invariants i = new Invariants(system);
        try {
            i.check();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the databases to check the invariants", e);
        }
        return List.copyOf(i.violations);
    }

    private void violation(String format, Object... args) {
        violations.add(String.format(format, args));
    }

    private void check() throws SQLException {
        Map<String, String> planStatus = new HashMap<>();
        query("allocation", "SELECT id, status, base_plan_id FROM plan", r -> {
            planStatus.put(r.getString(1), r.getString(2));
            if (r.getString(3) != null) {
                basePlan.put(r.getString(1), r.getString(3));
            }
        });
        Map<String, Long> held = new HashMap<>(); // reservation/lot -> held
        Set<String> settlements = new HashSet<>(); // reservation/kind/reference
        checkLedger();
        checkReservations(held, settlements);
        checkPlanReservations(planStatus);
        checkShipments(planStatus, held, settlements);
        checkTeams(planStatus);
        checkPlanLines(planStatus);
        checkApprovalRuns(planStatus);
    }

    /**
     * Lines of a plan that is not committing are PLANNED and carried by nothing; every line of an APPROVED plan is
     * carried by a shipment of that plan, from its depot to its site by its mode with its lot, and its state follows
     * that shipment (APPROVED while PLANNED, DISPATCHED on the way, then DELIVERED, LOST or CANCELLED).
     */
    private void checkPlanLines(Map<String, String> planStatus) throws SQLException {
        query("allocation", "SELECT id, plan_id, lot_id, state, shipment_id, depot_id || '/' || site_id || '/' || mode "
                + "FROM plan_line", r -> {
                    String line = r.getString(1);
                    String plan = r.getString(2);
                    String status = planStatus.get(plan);
                    String state = r.getString(4);
                    String shipmentId = r.getString(5);
                    if (!COMMITTING.contains(status)) {
                        if (!"PLANNED".equals(state) || shipmentId != null) {
                            violation("line %s of %s plan %s is %s, carried by %s", line, status, plan, state,
                                    shipmentId);
                        }
                        return;
                    }
                    if ("APPROVING".equals(status)) {
                        return;
                    }
                    ShipmentRow s = shipmentId == null ? null : shipments.get(shipmentId);
                    if (s == null) {
                        violation("line %s of %s plan %s is carried by no shipment (%s)", line, status, plan,
                                shipmentId);
                        return;
                    }
                    if (!chain(plan).contains(s.plan()) || !r.getString(6).equals(s.group())
                            || !lotsOfShipment.getOrDefault(s.id(), Set.of()).contains(r.getString(3))) {
                        violation("line %s of plan %s (%s, lot %s) is carried by shipment %s of plan %s (%s) that "
                                + "does not carry its lot", line, plan, r.getString(6), r.getString(3), s.id(),
                                s.plan(), s.group());
                    }
                    String expected = switch (s.status()) {
                        case "PLANNED" -> "APPROVED";
                        case "DELIVERED" -> "DELIVERED";
                        case "LOST" -> "LOST";
                        case "CANCELLED" -> s.dispatched() ? "LOST" : "CANCELLED";
                        default -> "DISPATCHED";
                    };
                    if (!expected.equals(state)) {
                        violation("line %s of %s plan %s is %s, but its shipment %s is %s", line, status, plan,
                                state, s.id(), s.status());
                    }
                });
    }

    /** An approval run exists exactly while its plan is APPROVING; a plan is approved by at most one attempt. */
    private void checkApprovalRuns(Map<String, String> planStatus) throws SQLException {
        Set<String> running = new HashSet<>();
        query("allocation", "SELECT plan_id, attempt, phase FROM approval_run", r -> {
            running.add(r.getString(1));
            if (!"APPROVING".equals(planStatus.get(r.getString(1)))) {
                violation("plan %s is %s but has an approval run (attempt %d, %s)", r.getString(1),
                        planStatus.get(r.getString(1)), r.getInt(2), r.getString(3));
            }
        });
        planStatus.forEach((plan, status) -> {
            if ("APPROVING".equals(status) && !running.contains(plan)) {
                violation("plan %s is APPROVING with no approval run to drive it", plan);
            }
        });
        query("allocation", "SELECT plan_id, COUNT(*) FROM approval_attempt WHERE outcome = 'APPROVED' "
                + "GROUP BY plan_id HAVING COUNT(*) > 1",
                r -> violation("plan %s was approved by %d attempts", r.getString(1), r.getLong(2)));
    }

    /**
     * A team is assigned under plan-<id> only for a committing plan; an APPROVED plan's teams are assigned to it (or
     * have moved on: deployed, stood down).
     */
    private void checkTeams(Map<String, String> planStatus) throws SQLException {
        Map<String, String> status = new HashMap<>();
        Map<String, String> assignedTo = new HashMap<>();
        query("inventory", "SELECT id, status, assignment_reference FROM team", r -> {
            status.put(r.getString(1), r.getString(2));
            if (r.getString(3) != null) {
                assignedTo.put(r.getString(1), r.getString(3));
            }
        });
        assignedTo.forEach((team, reference) -> {
            Matcher m = PLAN_REFERENCE.matcher(reference);
            if (m.matches() && !COMMITTING.contains(planStatus.get(m.group(1)))) {
                violation("team %s is still assigned to plan %s, which is %s", team, m.group(1),
                        planStatus.get(m.group(1)));
            }
        });
        query("allocation", "SELECT a.plan_id, a.team_id, COALESCE(a.reference, 'plan-' || a.plan_id) "
                + "FROM plan_team_assignment a JOIN plan p ON p.id = a.plan_id "
                + "WHERE p.status = 'APPROVED' AND NOT a.superseded", r -> {
                    String team = r.getString(2);
                    boolean elsewhere = "ASSIGNED".equals(status.get(team))
                            && !r.getString(3).equals(assignedTo.get(team));
                    if ("AVAILABLE".equals(status.get(team)) || elsewhere) {
                        violation("APPROVED plan %s sends team %s, but inventory has it %s %s", r.getString(1), team,
                                status.get(team), assignedTo.getOrDefault(team, ""));
                    }
                });
    }

    /** Ledger sums and the last entry's running totals equal the balance of every lot. */
    private void checkLedger() throws SQLException {
        query("inventory",
                """
                        SELECT l.id, l.lot_code, b.on_hand, b.reserved, COALESCE(SUM(e.on_hand_delta), 0),
                               COALESCE(SUM(e.reserved_delta), 0), COUNT(e.id)
                        FROM stock_lot l LEFT JOIN stock_balance b ON b.lot_id = l.id LEFT JOIN ledger_entry e ON e.lot_id = l.id
                        GROUP BY l.id, l.lot_code, b.on_hand, b.reserved""",
                r -> {
                    String lot = r.getString(1) + " (" + r.getString(2) + ")";
                    if (r.getObject(3) == null) {
                        violation("lot %s has no balance row (%d ledger entries)", lot, r.getLong(7));
                        return;
                    }
                    if (r.getLong(3) != r.getLong(5) || r.getLong(4) != r.getLong(6)) {
                        violation("lot %s: balance onHand %d reserved %d, but its %d ledger entries sum to onHand %d "
                                + "reserved %d", lot, r.getLong(3), r.getLong(4), r.getLong(7), r.getLong(5),
                                r.getLong(6));
                    }
                    if (r.getLong(4) < 0 || r.getLong(3) < r.getLong(4)) {
                        violation("lot %s: onHand %d and reserved %d (oversold)", lot, r.getLong(3), r.getLong(4));
                    }
                });
        query("inventory", """
                SELECT DISTINCT ON (e.lot_id) e.lot_id, e.on_hand_after, e.reserved_after, b.on_hand, b.reserved
                FROM ledger_entry e JOIN stock_balance b ON b.lot_id = e.lot_id
                ORDER BY e.lot_id, e.seq DESC""", r -> {
            if (r.getLong(2) != r.getLong(4) || r.getLong(3) != r.getLong(5)) {
                violation("lot %s: last ledger entry says onHand %d reserved %d, balance says %d and %d",
                        r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
            }
        });
    }

    /** Reserved = held per lot; per line ledger = held and consumed; HELD = holds something. */
    private void checkReservations(Map<String, Long> held, Set<String> settlements) throws SQLException {
        query("inventory", """
                SELECT b.lot_id, b.reserved, COALESCE(h.held, 0)
                FROM stock_balance b LEFT JOIN (
                    SELECT lot_id, SUM(quantity - consumed - released) AS held FROM reservation_line GROUP BY lot_id
                ) h ON h.lot_id = b.lot_id
                WHERE b.reserved <> COALESCE(h.held, 0)""",
                r -> violation("lot %s: reserved %d, but reservations hold %d on it", r.getString(1), r.getLong(2),
                        r.getLong(3)));
        query("inventory", """
                SELECT rl.reservation_id, r.reference, rl.lot_id, rl.quantity, rl.consumed, rl.released,
                       COALESCE(SUM(e.reserved_delta), 0), COALESCE(-SUM(e.on_hand_delta), 0)
                FROM reservation_line rl JOIN reservation r ON r.id = rl.reservation_id
                LEFT JOIN ledger_entry e ON e.reservation_id = rl.reservation_id AND e.lot_id = rl.lot_id
                GROUP BY rl.reservation_id, r.reference, rl.lot_id, rl.quantity, rl.consumed, rl.released""", r -> {
            long h = r.getLong(4) - r.getLong(5) - r.getLong(6);
            held.merge(r.getString(1) + "/" + r.getString(3), h, Long::sum);
            if (r.getLong(7) != h || r.getLong(8) != r.getLong(5)) {
                violation("reservation %s (%s) lot %s: holds %d and consumed %d of %d, but its ledger entries "
                        + "reserve %d and issue %d", r.getString(1), r.getString(2), r.getString(3), h,
                        r.getLong(5), r.getLong(4), r.getLong(7), r.getLong(8));
            }
        });
        query("inventory", """
                SELECT e.reservation_id, e.lot_id, COUNT(*) FROM ledger_entry e
                WHERE e.reservation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reservation_line rl
                    WHERE rl.reservation_id = e.reservation_id AND rl.lot_id = e.lot_id)
                GROUP BY e.reservation_id, e.lot_id""",
                r -> violation("reservation %s: %d ledger entries on lot %s, which it has no line for",
                        r.getString(1), r.getLong(3), r.getString(2)));
        query("inventory", """
                SELECT r.id, r.reference, r.status, SUM(rl.quantity - rl.consumed - rl.released)
                FROM reservation r JOIN reservation_line rl ON rl.reservation_id = r.id
                GROUP BY r.id, r.reference, r.status""", r -> {
            boolean holds = r.getLong(4) > 0;
            if (holds != "HELD".equals(r.getString(3))) {
                violation("reservation %s (%s) is %s but holds %d", r.getString(1), r.getString(2), r.getString(3),
                        r.getLong(4));
            }
        });
        query("inventory", "SELECT reservation_id, kind, reference FROM reservation_settlement",
                r -> settlements.add(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3)));
    }

    /** plan-<id> reservations hold stock only for committing plans, and at most one per plan was used. */
    private void checkPlanReservations(Map<String, String> planStatus) throws SQLException {
        Map<String, List<String>> used = new TreeMap<>();
        query("inventory", """
                SELECT r.id, r.reference, r.status, SUM(rl.quantity - rl.consumed - rl.released), SUM(rl.consumed)
                FROM reservation r JOIN reservation_line rl ON rl.reservation_id = r.id
                WHERE r.reference LIKE 'plan-%'
                GROUP BY r.id, r.reference, r.status""", r -> {
            Matcher m = PLAN_REFERENCE.matcher(r.getString(2));
            if (!m.matches()) {
                return;
            }
            String plan = m.group(1);
            String status = planStatus.get(plan);
            long holds = r.getLong(4);
            if (holds > 0 && !COMMITTING.contains(status)) {
                violation("reservation %s (%s) still holds %d, but plan %s is %s", r.getString(1), r.getString(2),
                        holds, plan, status == null ? "unknown to allocation-service" : status);
            }
            if (holds > 0 || r.getLong(5) > 0) {
                used.computeIfAbsent(plan, k -> new ArrayList<>()).add(r.getString(1));
            }
        });
        used.forEach((plan, reservations) -> {
            if (reservations.size() > 1) {
                violation("plan %s has %d reservations holding or consumed: %s (committed more than once)", plan,
                        reservations.size(), reservations);
            }
        });
    }

    private record ShipmentRow(String id, String plan, String status, String stock, String reservation, String group,
            boolean dispatched) {
    }

    /** Shipment id -> its row, and shipment id -> lots it carries (read once by {@link #checkShipments}). */
    private final Map<String, ShipmentRow> shipments = new HashMap<>();
    private final Map<String, Set<String>> lotsOfShipment = new HashMap<>();

    /** Shipments against inventory (held, settled) and against allocation's plans (lines, one per group). */
    private void checkShipments(Map<String, String> planStatus, Map<String, Long> held, Set<String> settlements)
            throws SQLException {
        query("shipment", "SELECT id, plan_id, status, stock, reservation_id, origin_depot_id || '/' || site_id "
                + "|| '/' || mode, dispatched_at IS NOT NULL FROM shipment",
                r -> shipments.put(r.getString(1), new ShipmentRow(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.getBoolean(7))));
        Map<String, Long> plannedPerReservationLot = new TreeMap<>();
        Map<String, Map<String, Long>> livePerPlanLot = new HashMap<>();
        query("shipment", "SELECT shipment_id, lot_id, quantity FROM shipment_line", r -> {
            ShipmentRow s = shipments.get(r.getString(1));
            lotsOfShipment.computeIfAbsent(s.id(), k -> new HashSet<>()).add(r.getString(2));
            if ("PLANNED".equals(s.status())) {
                plannedPerReservationLot.merge(s.reservation() + "/" + r.getString(2), r.getLong(3), Long::sum);
            }
            if (!"CANCELLED".equals(s.status())) {
                livePerPlanLot.computeIfAbsent(s.plan(), k -> new TreeMap<>()).merge(r.getString(2), r.getLong(3),
                        Long::sum);
            }
        });
        plannedPerReservationLot.forEach((key, quantity) -> {
            long h = held.getOrDefault(key, 0L);
            if (quantity > h) {
                violation("PLANNED shipments of reservation/lot %s carry %d, but only %d is held", key, quantity, h);
            }
        });
        Map<String, Set<String>> liveGroups = new HashMap<>();
        for (ShipmentRow s : shipments.values()) {
            String consumed = s.reservation() + "/CONSUME/shipment-" + s.id() + "-consume";
            String released = s.reservation() + "/RELEASE/shipment-" + s.id() + "-release";
            switch (s.stock()) {
                case "RESERVED" -> {
                    if (settlements.contains(consumed) || settlements.contains(released)) {
                        violation("shipment %s is %s with its stock RESERVED, but inventory already settled it",
                                s.id(), s.status());
                    }
                    if ("CANCELLED".equals(s.status())) {
                        violation("shipment %s is CANCELLED but its stock is still RESERVED", s.id());
                    }
                }
                // cancelled, inventory unreachable: retried in the background until it is released
                case "RELEASE_PENDING" -> violation("shipment %s (%s): the release of its stock is still pending",
                        s.id(), s.status());
                // cancelled, inventory refused the release (e.g. the whole reservation was released already): what
                // is still held is checked per plan and per reservation above
                case "RELEASE_REFUSED" -> {
                }
                case "ISSUED", "LOST", "RECALLED" -> {
                    if (!settlements.contains(consumed)) {
                        violation("shipment %s (%s) says its stock was issued, but inventory has no consumption "
                                + "under its reference", s.id(), s.status());
                    }
                }
                // cancelled by a re-plan's approval with its units kept for the re-plan: nothing settled under
                // the shipment's reference (the re-plan's reservation took the units over from the reservation)
                case "HANDED_OVER" -> {
                    if (!"CANCELLED".equals(s.status())) {
                        violation("shipment %s is %s but its stock is HANDED_OVER", s.id(), s.status());
                    }
                    if (settlements.contains(consumed) || settlements.contains(released)) {
                        violation("shipment %s handed its stock over, but inventory also settled it", s.id());
                    }
                }
                case "RELEASED" -> {
                    if (!settlements.contains(released)) {
                        violation("shipment %s (%s) says its stock was released, but inventory has no release under "
                                + "its reference", s.id(), s.status());
                    }
                }
                default -> violation("shipment %s has unknown stock state %s", s.id(), s.stock());
            }
            if (settlements.contains(consumed) && settlements.contains(released)) {
                violation("shipment %s was both consumed and released in inventory", s.id());
            }
            if (!"CANCELLED".equals(s.status())) {
                if (!liveGroups.computeIfAbsent(s.plan(), k -> new HashSet<>()).add(s.group())) {
                    violation("plan %s has more than one live shipment for depot/site/mode %s", s.plan(), s.group());
                }
            }
        }
        // what the lines in force of each plan (not superseded, on a shipment not cancelled) carry per lot
        Map<String, Map<String, Long>> planned = new HashMap<>();
        query("allocation", "SELECT plan_id, lot_id, quantity, shipment_id FROM plan_line WHERE NOT superseded", r -> {
            ShipmentRow s = r.getString(4) == null ? null : shipments.get(r.getString(4));
            if (s == null || !"CANCELLED".equals(s.status())) {
                planned.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).merge(r.getString(2), r.getLong(3),
                        Long::sum);
            }
        });
        planStatus.forEach((plan, status) -> {
            if ("APPROVED".equals(status)) {
                // an approved plan and the plans it re-planned: their live shipments carry its lines in force
                Map<String, Long> live = new TreeMap<>();
                Map<String, Long> lines = new TreeMap<>();
                for (String p : chain(plan)) {
                    livePerPlanLot.getOrDefault(p, Map.of()).forEach((lot, q) -> live.merge(lot, q, Long::sum));
                    planned.getOrDefault(p, Map.of()).forEach((lot, q) -> lines.merge(lot, q, Long::sum));
                }
                if (!live.equals(lines)) {
                    violation("APPROVED plan %s (with the plans it re-planned: %s) has lines in force carrying %s "
                            + "per lot, but their live shipments carry %s", plan, chain(plan), lines, live);
                }
            }
            Map<String, Long> own = livePerPlanLot.getOrDefault(plan, Map.of());
            if (!COMMITTING.contains(status) && !own.isEmpty()) {
                violation("plan %s is %s but has live shipments carrying %s", plan, status, own);
            }
        });
        livePerPlanLot.keySet().stream().filter(p -> !planStatus.containsKey(p)).forEach(
                p -> violation("live shipments of plan %s, which allocation-service does not know", p));
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    private void query(String service, String sql, Row row) throws SQLException {
        try (Connection c = system.connect(service);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                row.accept(r);
            }
        }
    }
}
