package org.corridor.allocation.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.local.CorridorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Approval of plans that use 1, 200, 201 and 5,000 lots (200 is the most lines one reservation request takes): each
 * plan must end APPROVED with every lot's stock reserved exactly as planned and shipments carrying exactly the plan's
 * lines.
 * <p>
 * The instance makes the solver use exactly N lots, quickly: N lots of one unit each of an item of its own in one
 * depot, and needs of at most {@value #LOTS_PER_NEED} units at one site that add up to N (a need takes at most 48
 * lines, so a larger need could not use all its lots). Supply equals demand, so a plan that meets every need uses every
 * lot once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalScaleIT {

    static final int LOTS_PER_NEED = 40;
    static final int SEED_THREADS = 8;

    static CorridorSystem system;
    static final StatusLog log = new StatusLog();
    static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void start() {
        system = CorridorSystem.start(Path.of("target/it-logs/approval-scale"), Map.of());
    }

    @AfterAll
    static void stop() {
        System.out.println("\n=== approval at scale ===\n" + String.join("\n", report) + "\n" + log.table());
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void oneLot() throws Exception {
        approvedWithLots(1, "PT5S", "PT2S");
    }

    @Test
    @Order(2)
    void twoHundredLots() throws Exception {
        approvedWithLots(200, "PT10S", "PT3S");
    }

    @Test
    @Order(3)
    void twoHundredAndOneLots() throws Exception {
        approvedWithLots(201, "PT10S", "PT3S");
    }

    @Test
    @Order(4)
    void fiveThousandLots() throws Exception {
        approvedWithLots(5000, "PT60S", "PT5S");
    }

    void approvedWithLots(int n, String spent, String unimproved) throws Exception {
        Crisis c = new Crisis(system, "S" + n, log);
        String depot = c.depot("TUR", "TUR", 37.0, 35.32);
        String item = c.item("KIT");
        Instant t0 = Instant.now();
        List<String> lots = c.lots(depot, item, n, 1, SEED_THREADS);
        Instant seeded = Instant.now();
        String site = c.incident(1).get(0);
        for (int i = 0, left = n; left > 0; i++, left -= LOTS_PER_NEED) {
            c.need(site, item, Math.min(LOTS_PER_NEED, left), "n" + i);
        }
        Instant needs = Instant.now();
        String planId = c.solve(spent, unimproved, Duration.ofMinutes(5));
        Instant solved = Instant.now();
        JsonPath plan = c.plan(planId);
        Map<String, Long> planned = Crisis.perLot(plan);
        assertEquals(n, planned.size(), "the plan uses every lot: " + plan.getList("unmet"));
        assertEquals(Set.of(1L), new HashSet<>(planned.values()), "one unit of each");

        JsonPath approved = c.approve(planId, "approve-" + planId, Duration.ofMinutes(10));
        Instant done = Instant.now();
        String line = String.format(
                "%5d lots: seeded in %6.1f s (%5.1f receipts/s, %d threads), needs %5.1f s, solved in %5.1f s, "
                        + "approval ended in %6.1f s as %s",
                n, seconds(t0, seeded), n / Math.max(0.001, seconds(t0, seeded)), SEED_THREADS,
                seconds(seeded, needs), seconds(needs, solved), seconds(solved, done), approved.getString("status"));
        report.add(line);
        System.out.println(line);
        assertEquals("APPROVED", approved.getString("status"), () -> "plan " + planId + ": approvalError "
                + approved.getString("approvalError") + " " + approved.getString("approvalError.detail"));

        Map<String, Map<String, Object>> stock = c.stock(item);
        List<Map<String, Object>> shipments = c.shipments(planId);
        List<Map<String, Object>> live = shipments.stream().filter(s -> !"CANCELLED".equals(s.get("status")))
                .toList();
        List<Map<String, Object>> reservations = c.reservations(planId);
        assertAll("plan " + planId + " with " + n + " lots",
                () -> assertEquals(Set.copyOf(lots), stock.keySet(), "the lots seeded, no other"),
                () -> {
                    for (String lot : lots) {
                        Map<String, Object> l = stock.get(lot);
                        assertEquals(1, ((Number) l.get("onHand")).longValue(), "on hand of " + lot);
                        assertEquals(1, ((Number) l.get("reserved")).longValue(), "reserved of " + lot);
                    }
                },
                () -> assertEquals(n, reservations.stream().filter(r -> "HELD".equals(r.get("status")))
                        .mapToLong(ApprovalScaleIT::held).sum(), "held for the plan"),
                () -> assertEquals(toInt(planned), Scenario.shipped(live), "live shipments carry the plan"),
                () -> assertTrue(live.stream().allMatch(s -> "PLANNED".equals(s.get("status")))),
                () -> Invariants.assertHold(system));
        report.set(report.size() - 1, line + String.format(", %d shipment(s), %d reservation(s)", live.size(),
                reservations.size()));
    }

    @SuppressWarnings("unchecked")
    static long held(Map<String, Object> reservation) {
        return ((List<Map<String, Object>>) reservation.get("lines")).stream()
                .mapToLong(l -> ((Number) l.get("held")).longValue()).sum();
    }

    static Map<String, Integer> toInt(Map<String, Long> m) {
        Map<String, Integer> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k, v.intValue()));
        return out;
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
