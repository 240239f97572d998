package org.corridor.allocation.it;

import static org.corridor.allocation.it.Scenario.as;
import static org.corridor.allocation.it.Scenario.dashboard;
import static org.corridor.allocation.it.Scenario.inventory;
import static org.corridor.allocation.it.Scenario.shipment;
import static org.corridor.allocation.it.Scenario.shipped;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plan approval across the three real services (packaged jars, one embedded PostgreSQL; nothing mocked): every scenario
 * is built and solved through the public APIs, approved, and then checked in inventory-service (stock, reservations,
 * teams) and shipment-service (shipments, summary).
 */
class ApprovalIT {

    /** Approval's waits shortened for tests: give up on a service down after 3 s, reconcile 1 s later. */
    static final Map<String, String> FAST_APPROVAL = Map.of("CORRIDOR_APPROVAL_GIVE_UP_AFTER", "PT3S",
            "CORRIDOR_APPROVAL_SETTLE_DELAY", "PT1S", "CORRIDOR_APPROVAL_RETRY_EVERY", "PT0.5S",
            "CORRIDOR_APPROVAL_ANSWER_WITHIN", "PT20S", "CORRIDOR_COVERAGE_SYNC_EVERY", "PT1S");

    static CorridorSystem system;

    @BeforeAll
    static void start() {
        system = CorridorSystem.start(Path.of("target/it-logs"), FAST_APPROVAL);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void approvalReservesOnceAssignsTeamsAndShipsPerDepotSiteAndMode() {
        Scenario s = Scenario.solved(system, "A", "USAR_HEAVY");
        Map<String, Integer> planned = s.planned();

        // across the real processes: a dashboard may read the plan but never approve it, a donor may not even read it
        dashboard(system, "allocation").get("/plans/" + s.planId).then().statusCode(200).body("status",
                equalTo("SOLVED"));
        as(system, "allocation", system.tokens().forRoles(Roles.DASHBOARD))
                .header("Idempotency-Key", "approve-A-dashboard")
                .post("/plans/" + s.planId + "/approval").then().statusCode(403)
                .contentType(containsString("application/problem+json")).body("status", equalTo(403));
        as(system, "allocation", system.tokens().donor(UUID.randomUUID())).get("/plans/" + s.planId).then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"));
        as(system, "allocation", system.tokens().donor(UUID.randomUUID())).get("/plans").then().statusCode(403);
        as(system, "allocation", null).header("Idempotency-Key", "approve-A-anonymous")
                .post("/plans/" + s.planId + "/approval").then().statusCode(401);
        // nothing happened anywhere: plan still SOLVED, no reservation, team still available, no shipment
        assertEquals("SOLVED", s.plan().getString("status"));
        assertEquals(0, s.reservations().size());
        assertEquals("AVAILABLE", s.teamStatus());
        assertEquals(0, s.shipments().size());

        Response first = s.approve("approve-A-1");
        first.then().statusCode(200).body("status", equalTo("APPROVED")).body("planId", equalTo(s.planId));
        JsonPath approval = first.jsonPath();
        assertApproved(s, planned, approval);

        // approving again, with the same key and with another one: the same answer, nothing new anywhere
        Response again = s.approve("approve-A-1");
        again.then().statusCode(200);
        assertEquals(approval.getMap("$"), again.jsonPath().getMap("$"));
        Response other = s.approve("approve-A-2");
        other.then().statusCode(200);
        assertEquals(approval.getMap("$"), other.jsonPath().getMap("$"));
        assertApproved(s, planned, approval);
    }

    @Test
    void inventoryRefusingOneLotUndoesEverything() {
        Scenario s = Scenario.solved(system, "B", "USAR_MEDIUM");
        Map<String, Integer> planned = s.planned();
        String lot = planned.keySet().iterator().next();
        int available = s.lot(lot).getInt("available");
        int lost = available - planned.get(lot) + 1; // leaves one unit less than the plan takes
        inventory(system).body(Map.of("lotId", lot, "delta", -lost, "reason", "LOST", "note", "truck stolen"))
                .post("/stock/adjustments").then().statusCode(anyOf(is(200), is(201)));

        s.approve("approve-B-1").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("title", equalTo("Stock no longer available"))
                .body("detail", containsString(lot))
                .body("detail", containsString("Nothing had been reserved"))
                .body("extensions.shortLines[0].lotId", equalTo(lot))
                .body("extensions.shortLines[0].requested", equalTo(planned.get(lot)))
                .body("extensions.shortLines[0].available", equalTo(planned.get(lot) - 1));

        assertNothingKept(s);
        assertEquals(0, s.reservations().size(), "inventory refused: no reservation at all");
    }

    @Test
    void shipmentServiceDownIsRetriedThenUndoneOnceItCanBeCheckedAndTheNextApprovalSucceeds() {
        Scenario s = Scenario.solved(system, "C", "USAR_LIGHT");
        Map<String, Integer> planned = s.planned();
        system.stop("shipment");
        try {
            // retried for 3 s, then given up; the undo must first ask shipment-service what it holds: it waits
            s.approve("approve-C-1").then().statusCode(202).body("status", equalTo("APPROVING"))
                    .header("Location", containsString("/api/v1/plans/" + s.planId));
            JsonPath waiting = s.plan();
            assertEquals("APPROVING", waiting.getString("status"));
            assertTrue(waiting.getString("approvalWaitingOn").contains("shipment-service is unavailable"),
                    waiting.getString("approvalWaitingOn"));
            // the reservation is still held: nothing is released before shipment-service can be checked
            assertEquals(1, s.reservations().size());
            assertEquals("HELD", s.reservations().get(0).get("status"));
        } finally {
            system.restart("shipment");
        }
        JsonPath failed = awaitPlan(s, "SOLVED");
        assertEquals(503, failed.getInt("approvalError.status"));
        assertEquals("Shipment service unavailable", failed.getString("approvalError.title"));
        assertTrue(failed.getString("approvalError.detail").contains("shipment-service is unavailable"));
        assertTrue(failed.getString("approvalError.detail").contains("the reservation released"),
                failed.getString("approvalError.detail"));
        assertNothingKept(s);
        assertEquals("RELEASED", s.reservations().get(0).get("status"));
        assertEquals(0, s.shipments().size(), "no shipment was created while shipment-service was down");

        // any retry tries again (a new attempt with new keys) and succeeds
        Response ok = s.approve("approve-C-1");
        ok.then().statusCode(200).body("status", equalTo("APPROVED"));
        assertApproved(s, planned, ok.jsonPath());
        s.plan().getString("approvalError");
        assertEquals(null, s.plan().getString("approvalError"), "cleared by the successful approval");
    }

    @Test
    void aTeamNoLongerAvailableReleasesTheReservationMade() {
        Scenario s = Scenario.solved(system, "F", "EMT_TYPE_2");
        inventory(system).body(Map.of("reference", "another-operation")).post("/teams/" + s.teamId + "/assignment")
                .then().statusCode(200);

        s.approve("approve-F-1").then().statusCode(409)
                .body("title", equalTo("Team no longer available"))
                .body("detail", containsString(s.teamId))
                .body("detail", containsString("the reservation released"));

        assertEquals(0, s.reserved(s.lotTur));
        assertEquals(0, s.reserved(s.lotIta));
        List<Map<String, Object>> reservations = s.reservations();
        assertEquals(1, reservations.size());
        assertEquals("RELEASED", reservations.get(0).get("status"));
        assertEquals(0, s.shipments().size());
        assertEquals("SOLVED", s.plan().getString("status"));
        // the team was never ours: it stays with the other operation
        inventory(system).get("/teams/" + s.teamId).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignmentReference", equalTo("another-operation"));
    }

    @Test
    void aShipmentRefusedAfterAnotherWasCreatedCancelsItAndTheNextAttemptUsesNewKeys() {
        Scenario s = Scenario.solved(system, "G", "LOGISTICS");
        Map<String, Integer> planned = s.planned();
        // the plan's shipments in the order approval creates them: by depot id, site id, mode
        java.util.TreeMap<String, Map<String, Object>> groups = new java.util.TreeMap<>();
        for (Map<String, Object> l : s.plan().<Map<String, Object>>getList("lines")) {
            groups.putIfAbsent(l.get("depotId") + "-" + l.get("siteId") + "-" + l.get("mode"), l);
        }
        assertEquals(2, groups.size(), "the scenario ships from two depots");
        // another client already used the second shipment's key (attempt 1) for another shipment:
        // shipment-service refuses approval's request with 422 after the first shipment was created
        String secondKey = groups.lastKey();
        Map<String, Object> line = groups.lastEntry().getValue();
        Map<String, Object> decoy = new HashMap<>();
        decoy.put("planId", java.util.UUID.randomUUID().toString());
        decoy.put("originDepotId", line.get("depotId"));
        decoy.put("siteId", line.get("siteId"));
        decoy.put("incidentId", s.incidentId);
        decoy.put("mode", line.get("mode"));
        decoy.put("lines",
                List.of(Map.of("itemCode", s.itemCode, "lotId", line.get("lotId"), "quantity", 1, "weightKg", 25.0)));
        decoy.put("plannedDeparture", Instant.now().plus(Duration.ofHours(1)).toString());
        decoy.put("estimatedArrival", Instant.now().plus(Duration.ofHours(30)).toString());
        decoy.put("reservationId", java.util.UUID.randomUUID().toString());
        shipment(system).header("Idempotency-Key", "plan-" + s.planId + "-a1-shipment-" + secondKey).body(decoy)
                .post("/shipments").then().statusCode(201);

        s.approve("approve-G-1").then().statusCode(409)
                .body("title", equalTo("Approval refused by shipment-service"))
                .body("detail", containsString("1 shipment(s) cancelled"))
                .body("detail", containsString("the reservation released"));
        List<Map<String, Object>> shipments = s.shipments();
        assertEquals(1, shipments.size(), "the first shipment was created");
        assertEquals("CANCELLED", shipments.get(0).get("status"), "and cancelled");
        assertNothingKept(s);
        assertEquals("RELEASED", s.reservations().get(0).get("status"));

        // attempt 2 uses new keys: a new reservation and new shipments, nothing replayed from attempt 1
        Response ok = s.approve("approve-G-1");
        ok.then().statusCode(200).body("status", equalTo("APPROVED"));
        assertApproved(s, planned, ok.jsonPath());
        assertEquals(2, s.reservations().size(), "attempt 1's (released) and attempt 2's");
        assertEquals(3, s.shipments().size(), "attempt 1's cancelled one and attempt 2's two");
    }

    @Test
    void concurrentApprovalsWithOneKeyReserveAndShipOnce() throws Exception {
        Scenario s = Scenario.solved(system, "D", "EMT_TYPE_1_MOBILE");
        Map<String, Integer> planned = s.planned();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(() -> s.approve("approve-D-1"));
            }
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                r.then().statusCode(200);
                bodies.add(r.jsonPath().getMap("$"));
            }
            assertEquals(bodies.get(0), bodies.get(1));
            assertEquals(bodies.get(0), bodies.get(2));
            assertApproved(s, planned, new JsonPath(allocationJson(bodies.get(0))));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void approvalRetriedAfterAClientTimeoutAnswersTheFirstResult() throws Exception {
        Scenario s = Scenario.solved(system, "T", "EMT_TYPE_1_FIXED");
        Map<String, Integer> planned = s.planned();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest impatient = HttpRequest
                .newBuilder(URI.create(system.baseUrl("allocation") + "/api/v1/plans/" + s.planId + "/approval"))
                .header("Idempotency-Key", "approve-T-1").timeout(Duration.ofMillis(20))
                .header("Authorization", "Bearer " + system.tokens().forRoles(Roles.LOGISTICS_OFFICER))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        String firstAnswer = null;
        try {
            firstAnswer = http.send(impatient, HttpResponse.BodyHandlers.ofString()).body();
        } catch (HttpTimeoutException gaveUp) {
            // the client gave up; the server carries on with the approval
            System.out.println("plan " + s.planId + " (T): the first approval request timed out on the client side");
        } catch (IOException e) {
            throw e;
        }
        Response retry = s.approve("approve-T-1");
        retry.then().statusCode(200).body("status", equalTo("APPROVED"));
        if (firstAnswer != null) {
            assertEquals(new JsonPath(firstAnswer).getMap("$"), retry.jsonPath().getMap("$"));
        }
        assertApproved(s, planned, retry.jsonPath());
    }

    @Test
    void oneShipmentWalkedFromApprovalToDelivery() {
        Scenario s = Scenario.solved(system, "E", "WASH");
        Map<String, Integer> planned = s.planned();
        int totalPlanned = planned.values().stream().mapToInt(Integer::intValue).sum();
        JsonPath approval = s.approve("approve-E-1").then().statusCode(200).extract().jsonPath();
        String reservationId = approval.getString("reservationId");
        String shipmentId = approval.getString("shipments[0].id");
        List<Map<String, Object>> lines = approval.getList("shipments[0].lines");
        Map<String, Integer> carried = new HashMap<>();
        lines.forEach(l -> carried.put((String) l.get("lotId"), ((Number) l.get("quantity")).intValue()));
        int q = carried.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> onHand0 = new HashMap<>();
        carried.keySet().forEach(lot -> onHand0.put(lot, s.onHand(lot)));

        // PLANNED: everything reserved, nothing moved
        carried.keySet().forEach(lot -> assertEquals(planned.get(lot), s.reserved(lot)));
        assertSummary(s, totalPlanned, 0, 0, 0, 0);
        assertCoverage(s, totalPlanned, 0, 0, 0);

        event(shipmentId, "DISPATCHED");
        assertStatus(shipmentId, "DISPATCHED");
        for (String lot : carried.keySet()) {
            // the shipment's quantity left the depot: on-hand and reserved both lower by it
            assertEquals(onHand0.get(lot) - carried.get(lot), s.onHand(lot));
            assertEquals(planned.get(lot) - carried.get(lot), s.reserved(lot));
            Map<String, Object> line = reservationLine(reservationId, lot);
            assertEquals(carried.get(lot), ((Number) line.get("consumed")).intValue());
            assertEquals(planned.get(lot) - carried.get(lot), ((Number) line.get("held")).intValue());
        }
        assertSummary(s, totalPlanned, q, q, 0, 0);
        assertCoverage(s, totalPlanned - q, q, 0, 0);

        for (String type : List.of("IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD", "CUSTOMS_RELEASED", "ARRIVED")) {
            event(shipmentId, type);
            assertStatus(shipmentId, type);
            for (String lot : carried.keySet()) {
                assertEquals(onHand0.get(lot) - carried.get(lot), s.onHand(lot), "stock unchanged at " + type);
                assertEquals(planned.get(lot) - carried.get(lot), s.reserved(lot), "reserved unchanged at " + type);
            }
            assertSummary(s, totalPlanned, q, q, 0, 0);
        }

        // proof of delivery with a partial rejection on the first line
        List<Map<String, Object>> proofLines = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> l = lines.get(i);
            int qty = ((Number) l.get("quantity")).intValue();
            int rej = i == 0 ? Math.max(1, qty / 10) : 0;
            rejected += rej;
            Map<String, Object> p = new HashMap<>();
            p.put("itemCode", l.get("itemCode"));
            p.put("lotId", l.get("lotId"));
            p.put("accepted", qty - rej);
            p.put("rejected", rej);
            if (rej > 0) {
                p.put("rejectionReason", "water damaged");
            }
            proofLines.add(p);
        }
        shipment(system)
                .body(Map.of("receivedBy", "Camp manager", "receivedAt", Instant.now().toString(), "lines", proofLines))
                .post("/shipments/" + shipmentId + "/proof-of-delivery").then().statusCode(201);
        assertStatus(shipmentId, "DELIVERED");
        for (String lot : carried.keySet()) {
            assertEquals(onHand0.get(lot) - carried.get(lot), s.onHand(lot));
            Map<String, Object> line = reservationLine(reservationId, lot);
            assertEquals(carried.get(lot), ((Number) line.get("consumed")).intValue());
        }
        assertSummary(s, totalPlanned, q, 0, q - rejected, rejected);
        // the need's coverage follows: rejected units are uncovered again
        assertCoverage(s, totalPlanned - q, 0, q - rejected, rejected);
    }

    /** The need's coverage (GET needs) reaches these figures within 15 s (it follows shipments every second). */
    private static void assertCoverage(Scenario s, int approved, int dispatched, int delivered, int rejected) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Object> c;
        while (true) {
            c = s.needCoverage();
            boolean same = ((Number) c.get("approved")).intValue() == approved
                    && ((Number) c.get("dispatched")).intValue() == dispatched
                    && ((Number) c.get("delivered")).intValue() == delivered
                    && ((Number) c.get("rejected")).intValue() == rejected;
            if (same || System.nanoTime() > end) {
                break;
            }
            Scenario.sleep(250);
        }
        assertEquals(approved, ((Number) c.get("approved")).intValue(), "approved " + c);
        assertEquals(dispatched, ((Number) c.get("dispatched")).intValue(), "dispatched " + c);
        assertEquals(delivered, ((Number) c.get("delivered")).intValue(), "delivered " + c);
        assertEquals(rejected, ((Number) c.get("rejected")).intValue(), "rejected " + c);
        assertEquals(Scenario.NEED - approved - dispatched - delivered, ((Number) c.get("uncovered")).intValue(),
                "uncovered " + c);
    }

    /** Polls the plan until it has this status (30 s at most). */
    private static JsonPath awaitPlan(Scenario s, String status) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath p = s.plan();
        while (!status.equals(p.getString("status")) && System.nanoTime() < end) {
            Scenario.sleep(250);
            p = s.plan();
        }
        assertEquals(status, p.getString("status"), p.prettify());
        return p;
    }

    // ---------------------------------------------------------------------------------------------

    /** The approved state: one HELD reservation equal to the plan, shipments carrying exactly it, teams assigned. */
    private static void assertApproved(Scenario s, Map<String, Integer> planned, JsonPath approval) {
        String reservationId = approval.getString("reservationId");
        List<Map<String, Object>> held = s.reservations().stream().filter(r -> "HELD".equals(r.get("status"))).toList();
        assertEquals(1, held.size(), "exactly one HELD reservation for the plan");
        assertEquals(reservationId, held.get(0).get("id"));
        for (String lot : List.of(s.lotTur, s.lotIta)) {
            assertEquals(planned.getOrDefault(lot, 0), s.reserved(lot), "reserved on lot " + lot);
        }
        // shipments cancelled by an earlier, failed attempt carry nothing
        List<Map<String, Object>> shipments = s.shipments().stream().filter(sh -> !"CANCELLED".equals(sh.get("status")))
                .toList();
        assertEquals(planned, shipped(shipments), "the shipments carry exactly what is reserved");
        System.out.printf("plan %s (%s): reserved per lot %s in reservation %s = shipped %s in %d shipment(s)%n",
                s.planId, s.tag,
                planned, reservationId, shipped(shipments), shipments.size());
        Set<String> groups = new HashSet<>();
        for (Map<String, Object> l : s.plan().<Map<String, Object>>getList("lines")) {
            groups.add(l.get("depotId") + "/" + l.get("siteId") + "/" + l.get("mode"));
        }
        assertEquals(groups.size(), shipments.size(), "one shipment per (depot, site, mode)");
        Set<String> shipmentGroups = new HashSet<>();
        for (Map<String, Object> sh : shipments) {
            assertEquals(reservationId, sh.get("reservationId"));
            assertEquals("PLANNED", sh.get("status"));
            shipmentGroups.add(sh.get("originDepotId") + "/" + sh.get("siteId") + "/" + sh.get("mode"));
        }
        assertEquals(groups, shipmentGroups);
        assertEquals(approval.getList("shipments.id"), shipmentIds(shipments, approval));
        JsonPath plan = s.plan();
        assertEquals("APPROVED", plan.getString("status"));
        assertEquals(reservationId, plan.getString("reservationId"));
        assertEquals(approval.getList("shipments.id"), plan.getList("shipmentIds"));
        List<String> teams = plan.getList("teamAssignments.teamId");
        assertTrue(teams.contains(s.teamId), "the plan sends the scenario's team: " + teams);
        assertEquals("ASSIGNED", s.teamStatus());
        assertEquals("plan-" + s.planId,
                inventory(system).get("/teams/" + s.teamId).then().extract().path("assignmentReference"));
    }

    /** The ids of the shipments in shipment-service, in the approval's order (and all of them present). */
    private static List<String> shipmentIds(List<Map<String, Object>> shipments, JsonPath approval) {
        Set<String> present = new HashSet<>();
        shipments.forEach(sh -> present.add((String) sh.get("id")));
        List<String> ids = approval.getList("shipments.id");
        return ids.stream().filter(present::contains).toList();
    }

    private static void assertNothingKept(Scenario s) {
        assertEquals(0, s.reserved(s.lotTur), "nothing reserved on the Turkish lot");
        assertEquals(0, s.reserved(s.lotIta), "nothing reserved on the Italian lot");
        if (system.isRunning("shipment")) {
            assertEquals(0, s.shipments().stream().filter(sh -> !"CANCELLED".equals(sh.get("status"))).count(),
                    "no live shipment for the plan");
        }
        assertEquals("AVAILABLE", s.teamStatus());
        JsonPath plan = s.plan();
        assertEquals("SOLVED", plan.getString("status"));
        assertEquals(null, plan.getString("reservationId"));
        assertEquals(List.of(), plan.getList("shipmentIds"));
    }

    private static void event(String shipmentId, String type) {
        shipment(system).body(Map.of("type", type, "at", Instant.now().toString(), "note", "walk " + type))
                .post("/shipments/" + shipmentId + "/events").then().statusCode(201);
    }

    private static void assertStatus(String shipmentId, String status) {
        dashboard(system, "shipment").get("/shipments/" + shipmentId).then().statusCode(200).body("status",
                equalTo(status));
    }

    private static Map<String, Object> reservationLine(String reservationId, String lot) {
        List<Map<String, Object>> lines = inventory(system).get("/reservations/" + reservationId).then().statusCode(200)
                .extract().jsonPath().getList("lines");
        return lines.stream().filter(l -> lot.equals(l.get("lotId"))).findFirst().orElseThrow();
    }

    private static void assertSummary(Scenario s, int allocated, int dispatched, int inTransit, int delivered,
            int rejected) {
        JsonPath summary = dashboard(system, "shipment").get("/incidents/" + s.incidentId + "/delivery-summary").then()
                .statusCode(200)
                .extract().jsonPath();
        Map<String, Object> line = summary.<Map<String, Object>>getList("lines").stream()
                .filter(l -> s.siteId.equals(l.get("siteId")) && s.itemCode.equals(l.get("itemCode"))).findFirst()
                .orElseThrow();
        assertEquals(Scenario.NEED, ((Number) line.get("requested")).intValue(), "requested");
        assertEquals(allocated, ((Number) line.get("allocated")).intValue(), "allocated");
        assertEquals(dispatched, ((Number) line.get("dispatched")).intValue(), "dispatched");
        assertEquals(inTransit, ((Number) line.get("inTransit")).intValue(), "inTransit");
        assertEquals(delivered, ((Number) line.get("delivered")).intValue(), "delivered");
        assertEquals(rejected, ((Number) line.get("rejected")).intValue(), "rejected");
    }

    private static String allocationJson(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
