package org.corridor.allocation.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;
import org.corridor.local.DemoLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A week of a real response, on the three packaged services with the demo crisis (Kahramanmaraş 2023, two incidents,
 * ten sites): day 0 the crisis is planned and approved; then shipments move (one is LOST at a border, one held in
 * customs and released, one delivered with a rejected part, one still on the road), an aftershock adds a site with a
 * CRITICAL need, a donor receives new stock, and a border closes under approved lines that have not left yet. The
 * officer reads {@code attention}, re-plans from the approved plan and approves the re-plan: dispatched lines are never
 * touched, the changes are exactly what the events justify, and afterwards stock, shipments, teams and coverage agree
 * everywhere ({@link Invariants}, and coverage counters recomputed from the plans' lines).
 */
class CrisisWeekIT {

    private static CorridorSystem system;

    @BeforeAll
    static void start() {
        system = CorridorSystem.start(Path.of("target/it-logs/crisis-week"),
                Map.of("CORRIDOR_COVERAGE_SYNC_EVERY", "1s"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theRePlanFollowsTheCrisisWithoutChurningWhatIsOnTheRoad() throws Exception {
        DemoLoader loader = new DemoLoader(system.baseUrl("inventory"), system.baseUrl("allocation"),
                system.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER), System.out);
        DemoLoader.Loaded crisis = loader.load(Path.of("../demo/kahramanmaras-2023"));
        List<String> incidents = crisis.incidentIds().stream().map(UUID::toString).toList();

        // day 0: plan both incidents together and approve
        JsonNode solved = loader.plan(crisis.incidentIds(), Duration.ofSeconds(10), Duration.ofMinutes(4));
        assertEquals("SOLVED", solved.get("status").asText(), solved.toString());
        String base = solved.get("id").asText();
        JsonNode approved = loader.approve(base);
        assertEquals("APPROVED", approved.get("status").asText(), approved.toString());
        List<JsonPath> shipments = new ArrayList<>();
        approved.withArray("shipments").forEach(s -> shipments.add(shipment(s.get("id").asText())));
        assertTrue(shipments.size() >= 6, "the demo plan ships from at least 6 depot/site/mode groups");

        // the events of the week
        JsonPath blocked = shipments.stream()
                .filter(s -> !s.getString("originCountryCode").equals(s.getString("destinationCountryCode")))
                .findFirst().orElseThrow(() -> new AssertionError("no cross-border shipment in the demo plan"));
        String closedFrom = blocked.getString("originCountryCode");
        String closedTo = blocked.getString("destinationCountryCode");
        List<JsonPath> others = shipments.stream()
                .filter(s -> !(s.getString("originCountryCode").equals(closedFrom)
                        && s.getString("destinationCountryCode").equals(closedTo)))
                .toList();
        assertTrue(others.size() >= 4, "four shipments off the route that closes: " + others.size());
        // the lost shipment's depot receives the donor's new stock for the aftershock's CRITICAL need in Türkiye: it
        // must not lie on the closing side of the border (the order of the plan's shipments varies from solve to
        // solve, and a depot that shipped across the closing border can also ship to Syria)
        JsonPath lost = others.stream()
                .filter(s -> !(s.getString("originCountryCode").equals(closedFrom) && "TUR".equals(closedTo)))
                .findFirst().orElseThrow(() -> new AssertionError("every other shipment leaves from " + closedFrom));
        List<JsonPath> rest = others.stream().filter(s -> s != lost).toList();
        JsonPath customs = rest.get(0);
        JsonPath delivered = rest.get(1);
        JsonPath moving = rest.get(2);
        events(lost, "DISPATCHED", "IN_TRANSIT", "AT_BORDER", "LOST");
        events(customs, "DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD", "CUSTOMS_RELEASED");
        events(moving, "DISPATCHED");
        events(delivered, "DISPATCHED", "IN_TRANSIT", "ARRIVED");
        int rejected = deliverRejectingPart(delivered);

        String turkey = incidentOf(crisis, "TUR");
        String item = lost.getString("lines[0].itemCode");
        String newSite = allocation().body(Map.of("name", "Elbistan (aftershock)", "latitude", 38.2, "longitude", 37.19,
                "affectedPopulation", 20000)).post("/incidents/" + turkey + "/sites").then().statusCode(201).extract()
                .path("id");
        String newNeed = allocation().body(Map.of("siteId", newSite, "itemCode", item, "quantity", 40, "priority",
                "CRITICAL", "deliverBy", Instant.now().plus(Duration.ofDays(4)).toString()))
                .post("/incidents/" + turkey + "/needs").then().log().ifValidationFails().statusCode(201).extract()
                .path("id");
        String donor = crisis.organisations().values().iterator().next().toString();
        String depot = lost.getString("originDepotId");
        inventory().body(Map.of("itemCode", item, "quantity", 400, "lotCode", "CRISIS-WEEK-" + item,
                "donorOrganisationId", donor, "expiresOn", LocalDate.now().plusYears(2).toString()))
                .post("/depots/" + depot + "/receipts").then().log().ifValidationFails().statusCode(201);
        allocation().body(Map.of("originCountryCode", closedFrom, "destinationCountryCode", closedTo, "kind",
                "BORDER_CLOSED", "appliesTo", "MATERIALS", "reason", "Crossing closed after the aftershock",
                "validFrom", Instant.now().toString())).post("/access-rules").then().statusCode(201);

        // allocation learns where the shipments stand (it polls shipment-service)
        Map<String, String> expected = Map.of(lost.getString("id"), "LOST", customs.getString("id"), "DISPATCHED",
                delivered.getString("id"), "DELIVERED", moving.getString("id"), "DISPATCHED");
        awaitLineStates(base, expected);

        // attention names every event and advises a re-plan
        Set<String> kinds = new HashSet<>();
        boolean advised = false;
        for (String incident : incidents) {
            JsonPath a = read("allocation").get("/incidents/" + incident + "/attention").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(base, a.getString("lastApprovedPlanId"));
            kinds.addAll(a.getList("items.kind"));
            advised |= a.getBoolean("replanAdvised");
        }
        assertTrue(kinds.containsAll(List.of("SHIPMENT_LOST", "REJECTED_AT_DELIVERY", "NEW_NEED", "LINE_FORBIDDEN")),
                "attention kinds " + kinds);
        assertTrue(advised, "a re-plan is advised");

        // which needs the events touched
        JsonPath basePlan = plan(base);
        Set<String> touched = new HashSet<>(List.of(newNeed));
        Set<String> dispatchedShipments = Set.of(lost.getString("id"), customs.getString("id"),
                delivered.getString("id"), moving.getString("id"));
        List<Map<String, Object>> baseLines = basePlan.getList("lines");
        Map<String, Integer> keptBefore = new TreeMap<>();
        for (Map<String, Object> l : baseLines) {
            String shipmentId = (String) l.get("shipmentId");
            boolean forbidden = closedFrom.equals(l.get("originCountryCode"))
                    && closedTo.equals(countryOfSite(crisis, (String) l.get("siteId")));
            if (shipmentId.equals(lost.getString("id")) || shipmentId.equals(delivered.getString("id"))) {
                touched.add((String) l.get("needId"));
            }
            if ("APPROVED".equals(l.get("state")) && forbidden) {
                touched.add((String) l.get("needId"));
            }
            if ("APPROVED".equals(l.get("state")) && !forbidden) {
                keptBefore.merge(key(l), ((Number) l.get("quantity")).intValue(), Integer::sum);
            }
        }

        // and the needs with units uncovered before the re-plan (unmet by the base, or uncovered by the events):
        // the re-plan covers what is uncovered, with the stock that is free now (the donor's receipt included)
        for (String incident : incidents) {
            for (Map<String, Object> n : read("allocation").get("/incidents/" + incident + "/needs?size=500").then()
                    .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) n.get("coverage");
                if (((Number) c.get("uncovered")).longValue() > 0) {
                    touched.add((String) n.get("id"));
                }
            }
        }

        // the re-plan
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", incidents);
        body.put("basePlanId", base);
        body.put("termination", Map.of("spentLimit", "PT10S", "unimprovedSpentLimit", "PT5S"));
        String replan = allocation().body(body).post("/plans").then().statusCode(202).extract().path("id");
        JsonPath replanned = awaitSolved(replan);
        assertEquals(base, replanned.getString("basePlanId"));

        // every approved line the events did not touch is kept as it was
        Map<String, Integer> now = new TreeMap<>();
        for (Map<String, Object> l : replanned.<Map<String, Object>>getList("lines")) {
            now.merge(key(l), ((Number) l.get("quantity")).intValue(), Integer::sum);
        }
        keptBefore.forEach((k, q) -> assertTrue(now.getOrDefault(k, 0) >= q, "kept line " + k + ": " + q
                + " before, " + now.getOrDefault(k, 0) + " in the re-plan"));
        // dispatched lines are facts: not planned again (the re-plan plans only what the base had not dispatched)
        int dispatchedUnits = baseLines.stream().filter(l -> dispatchedShipments.contains(l.get("shipmentId")))
                .mapToInt(l -> ((Number) l.get("quantity")).intValue()).sum();
        assertTrue(dispatchedUnits > 0);

        // the changes are exactly what the events justify
        JsonPath changes = read("allocation").get("/plans/" + replan + "/changes").then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> changed = new ArrayList<>();
        changed.addAll(changes.getList("lines.added"));
        changed.addAll(changes.getList("lines.removed"));
        changed.addAll(changes.getList("lines.changed"));
        assertFalse(changed.isEmpty(), "the events change the plan");
        for (Map<String, Object> c : changed) {
            assertTrue(touched.contains(c.get("needId")), "a change for a need neither uncovered nor touched: " + c);
        }
        for (Map<String, Object> r : changes.<Map<String, Object>>getList("lines.removed")) {
            assertEquals(closedFrom, originOfLot(baseLines, (String) r.get("lotId")),
                    "only lines across the closed border are removed: " + r);
        }
        assertTrue(changes.<Map<String, Object>>getList("lines.added").stream()
                .anyMatch(a -> newNeed.equals(a.get("needId"))),
                () -> "the new CRITICAL need is covered (" + item + " received at " + depot + " in "
                        + lost.getString("originCountryCode") + "; " + closedFrom + "->" + closedTo
                        + " closed); unmet: " + replanned.getList("unmet"));

        // delta approval
        JsonNode delta = loader.approve(replan);
        assertEquals("APPROVED", delta.get("status").asText(), delta.toString());
        assertEquals("SUPERSEDED", plan(base).getString("status"));
        assertEquals("CANCELLED", shipment(blocked.getString("id")).getString("status"));
        for (JsonPath s : List.of(lost, customs, delivered, moving)) {
            assertFalse("CANCELLED".equals(shipment(s.getString("id")).getString("status")),
                    "a dispatched shipment was cancelled by the re-plan");
        }
        // the dispatched lines stayed in the base, as they were
        awaitLineStates(base, expected);
        Invariants.assertHoldWithin(system, Duration.ofSeconds(30));
        assertCoverageIsWhatTheLinesSay(incidents, base, replan);
        assertTrue(rejected > 0);
    }

    /** Each need's coverage counters equal the sums over the lines that count (the re-plan's, the base's facts). */
    private static void assertCoverageIsWhatTheLinesSay(List<String> incidents, String base, String replan) {
        Map<String, long[]> expected = new HashMap<>(); // approved, dispatched, delivered, rejected, lost
        count(plan(replan).getList("lines"), expected, false);
        count(plan(base).getList("lines"), expected, true);
        for (String incident : incidents) {
            for (Map<String, Object> n : read("allocation").get("/incidents/" + incident + "/needs?size=500").then()
                    .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) n.get("coverage");
                long[] e = expected.getOrDefault((String) n.get("id"), new long[5]);
                String id = (String) n.get("id");
                assertEquals(e[0], ((Number) c.get("approved")).longValue(), "approved of need " + id);
                assertEquals(e[1], ((Number) c.get("dispatched")).longValue(), "dispatched of need " + id);
                assertEquals(e[2], ((Number) c.get("delivered")).longValue(), "delivered of need " + id);
                assertEquals(e[3], ((Number) c.get("rejected")).longValue(), "rejected of need " + id);
                assertEquals(e[4], ((Number) c.get("lost")).longValue(), "lost of need " + id);
                long requested = ((Number) c.get("requested")).longValue();
                assertEquals(Math.max(0, requested - e[0] - e[1] - e[2]), ((Number) c.get("uncovered")).longValue(),
                        "uncovered of need " + id);
            }
        }
    }

    /** Adds the lines that count: all of the re-plan's; of the base only those dispatched or later (its facts). */
    private static void count(List<Map<String, Object>> lines, Map<String, long[]> into, boolean factsOnly) {
        for (Map<String, Object> l : lines) {
            String state = (String) l.get("state");
            if (factsOnly && ("APPROVED".equals(state) || "CANCELLED".equals(state) || "PLANNED".equals(state))) {
                continue;
            }
            long[] e = into.computeIfAbsent((String) l.get("needId"), k -> new long[5]);
            long q = ((Number) l.get("quantity")).longValue();
            switch (state) {
                case "APPROVED" -> e[0] += q;
                case "DISPATCHED" -> e[1] += q;
                case "DELIVERED" -> {
                    e[2] += ((Number) l.get("delivered")).longValue();
                    e[3] += ((Number) l.get("rejected")).longValue();
                }
                case "LOST" -> e[4] += q;
                default -> {
                }
            }
        }
    }

    private static String key(Map<String, Object> line) {
        return line.get("needId") + "/" + line.get("lotId") + "/" + line.get("depotId") + "/" + line.get("mode");
    }

    private static String originOfLot(List<Map<String, Object>> lines, String lotId) {
        return lines.stream().filter(l -> lotId.equals(l.get("lotId"))).map(l -> (String) l.get("originCountryCode"))
                .findFirst().orElse("?");
    }

    private static String incidentOf(DemoLoader.Loaded crisis, String country) {
        for (UUID id : crisis.incidentIds()) {
            if (country.equals(read("allocation").get("/incidents/" + id).then().statusCode(200).extract()
                    .path("countryCode"))) {
                return id.toString();
            }
        }
        throw new AssertionError("no demo incident in " + country);
    }

    private static final Map<String, String> SITE_COUNTRY = new HashMap<>();

    private static String countryOfSite(DemoLoader.Loaded crisis, String siteId) {
        if (SITE_COUNTRY.isEmpty()) {
            for (UUID id : crisis.incidentIds()) {
                JsonPath i = read("allocation").get("/incidents/" + id).then().statusCode(200).extract().jsonPath();
                for (Map<String, Object> s : i.<Map<String, Object>>getList("sites")) {
                    SITE_COUNTRY.put((String) s.get("id"), (String) s.get("countryCode"));
                }
            }
        }
        return SITE_COUNTRY.get(siteId);
    }

    private static void events(JsonPath shipment, String... types) {
        for (String type : types) {
            shipmentService().body(Map.of("type", type, "at", Instant.now().toString(), "note", "crisis week: " + type))
                    .post("/shipments/" + shipment.getString("id") + "/events").then().statusCode(201);
        }
    }

    /** Proof of delivery with a tenth of the first line rejected; answers the units rejected. */
    private static int deliverRejectingPart(JsonPath shipment) {
        List<Map<String, Object>> proof = new ArrayList<>();
        List<Map<String, Object>> lines = shipment.getList("lines");
        int rejected = 0;
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> l = lines.get(i);
            int q = ((Number) l.get("quantity")).intValue();
            int rej = i == 0 ? Math.max(1, q / 10) : 0;
            rejected += rej;
            Map<String, Object> p = new HashMap<>(Map.of("itemCode", l.get("itemCode"), "lotId", l.get("lotId"),
                    "accepted", q - rej, "rejected", rej));
            if (rej > 0) {
                p.put("rejectionReason", "water damage");
            }
            proof.add(p);
        }
        shipmentService().body(Map.of("receivedBy", "Site logistics officer", "receivedAt", Instant.now().toString(),
                "lines", proof)).post("/shipments/" + shipment.getString("id") + "/proof-of-delivery").then()
                .statusCode(201);
        return rejected;
    }

    private static void awaitLineStates(String planId, Map<String, String> stateOfShipment) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Map<String, String> seen = new HashMap<>();
            for (Map<String, Object> l : plan(planId).<Map<String, Object>>getList("lines")) {
                if (stateOfShipment.containsKey(l.get("shipmentId"))) {
                    seen.put((String) l.get("shipmentId"), (String) l.get("state"));
                }
            }
            if (seen.equals(stateOfShipment)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("plan " + planId + " lines did not follow their shipments: " + seen + ", expected "
                        + stateOfShipment);
            }
            Scenario.sleep(500);
        }
    }

    private static JsonPath awaitSolved(String planId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonPath p = plan(planId);
        while ("SOLVING".equals(p.getString("status")) && Instant.now().isBefore(deadline)) {
            Scenario.sleep(500);
            p = plan(planId);
        }
        assertEquals("SOLVED", p.getString("status"), p.prettify());
        return p;
    }

    private static JsonPath plan(String planId) {
        return read("allocation").get("/plans/" + planId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath shipment(String id) {
        return read("shipment").get("/shipments/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification allocation() {
        return as("allocation", Roles.LOGISTICS_OFFICER);
    }

    private static RequestSpecification inventory() {
        return given().baseUri(system.baseUrl("inventory")).basePath("/api/v1").contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + system.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER));
    }

    private static RequestSpecification shipmentService() {
        return as("shipment", Roles.LOGISTICS_OFFICER);
    }

    private static RequestSpecification read(String service) {
        return as(service, Roles.DASHBOARD);
    }

    private static RequestSpecification as(String service, String role) {
        return given().baseUri(system.baseUrl(service)).basePath("/api/v1").contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + system.tokens().forRoles(role));
    }
}
