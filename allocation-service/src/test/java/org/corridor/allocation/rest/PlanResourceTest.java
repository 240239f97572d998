package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.postRaw;
import static org.corridor.allocation.support.Api.problem;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.corridor.allocation.support.Api.teamNeed;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.service.queue.PlanWorker;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class PlanResourceTest {

    @InjectWireMock
    WireMockServer inventory;

    @Inject
    PlanWorker worker;

    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    /** Polls until the plan has left SOLVING (a wait, not a timing assertion). */
    private static JsonPath awaitFinished(String planId) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp)) {
            JsonPath plan = get("/api/v1/plans/" + planId).statusCode(200).extract().jsonPath();
            if (!"SOLVING".equals(plan.getString("status"))) {
                return plan;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("plan " + planId + " still SOLVING");
    }

    private static Map<String, Object> planBody(String incidentId, String spent, String unimproved) {
        Map<String, Object> b = new HashMap<>();
        b.put("incidentIds", List.of(incidentId));
        b.put("planFrom", "2023-02-06T06:00:00Z");
        b.put("termination", Map.of("spentLimit", spent, "unimprovedSpentLimit", unimproved));
        return b;
    }

    @Test
    void solvesEndToEndRespectingStockAndAnEmbargo() throws Exception {
        Map<String, Object> incident = incident("Syria earthquake", "SYR",
                List.of(site("Aleppo", 36.20, 37.16, 40000)));
        String incidentId = (String) incident.get("id");
        String site = siteId(incident, 0);
        String tents = need(incidentId, site, InventoryStubs.TENT, 700, "CRITICAL");
        String blankets = need(incidentId, site, InventoryStubs.BLANKET, 1000, "HIGH");
        String usar = teamNeed(incidentId, site, "USAR_MEDIUM", 1);
        // the Houston depot holds 1,000 tents but materials from USA may not enter SYR
        post("/api/v1/access-rules",
                Map.of("originCountryCode", "USA", "destinationCountryCode", "SYR", "kind", "EMBARGO",
                        "appliesTo", "MATERIALS", "reason", "Sanctions regime", "validFrom", "2011-05-18T00:00:00Z"))
                .statusCode(201);

        var accepted = post("/api/v1/plans", planBody(incidentId, "PT8S", "PT3S")).statusCode(202)
                .header("Location", containsString("/api/v1/plans/"))
                .body("status", equalTo("SOLVING")).body("incidentIds", equalTo(List.of(incidentId)))
                .body("planFrom", equalTo("2023-02-06T06:00:00Z")).body("spentLimit", equalTo("PT8S"))
                .extract();
        String planId = accepted.path("id");
        assertTrue(accepted.header("Location").endsWith(planId));

        JsonPath plan = awaitFinished(planId);
        assertEquals("SOLVED", plan.getString("status"), () -> "plan: " + plan.prettify());
        assertTrue(plan.getBoolean("feasible"));
        assertTrue(plan.getString("score").startsWith("0hard"), plan.getString("score"));
        assertFalse(plan.getBoolean("stoppedEarly"));
        // solved once, through the queue, by this replica's worker
        assertEquals(1, plan.getInt("attempts"));
        assertEquals(worker.instanceId(), plan.getString("solvedBy"));

        List<Map<String, Object>> lines = plan.getList("lines");
        // no lot gives more than it has
        Map<String, Integer> perLot = new HashMap<>();
        lines.forEach(l -> perLot.merge((String) l.get("lotId"), (Integer) l.get("quantity"), Integer::sum));
        perLot.forEach(
                (lot, q) -> assertTrue(q <= InventoryStubs.AVAILABLE.get(UUID.fromString(lot)), lot + " gives " + q));
        // the embargoed depot is never used
        assertTrue(lines.stream().noneMatch(l -> InventoryStubs.DEPOT_HOUSTON.toString().equals(l.get("depotId"))));
        assertTrue(lines.stream().noneMatch(l -> "USA".equals(l.get("originCountryCode"))));
        // tents only from the reachable depots (at most 300 + 200), all the blankets
        int tentsSent = sum(lines, tents);
        assertTrue(tentsSent > 0 && tentsSent <= 500, "tents sent: " + tentsSent);
        assertEquals(1000, sum(lines, blankets), () -> plan.prettify());
        lines.forEach(l -> {
            assertEquals(site, l.get("siteId"));
            assertNotEquals(null, l.get("mode"));
            assertTrue(Instant.parse((String) l.get("arrivesAt")).isAfter(Instant.parse((String) l.get("departsAt"))));
        });
        // the Turkish medium USAR team goes
        assertEquals(List.of(InventoryStubs.TEAM_TUR_MEDIUM.toString()), plan.getList("teamAssignments.teamId"));
        assertEquals(List.of(usar), plan.getList("teamAssignments.teamNeedId"));
        // the rest of the tents is unmet, and the reason names the embargo
        List<Map<String, Object>> unmet = plan.getList("unmet");
        Map<String, Object> tentGap = unmet.stream().filter(u -> tents.equals(u.get("needId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no unmet entry for tents: " + unmet));
        assertEquals(700 - tentsSent, tentGap.get("quantity"));
        assertTrue(((String) tentGap.get("reason")).toLowerCase().contains("embargo"), (String) tentGap.get("reason"));

        // the analysis: score per constraint and the unmet reasons
        JsonPath analysis = get("/api/v1/plans/" + planId + "/analysis").statusCode(200)
                .body("planId", equalTo(planId)).body("status", equalTo("SOLVED"))
                .body("score", equalTo(plan.getString("score")))
                .body("constraints.name", everyItem(notNullValue()))
                .body("constraints.level", everyItem(anyOf(equalTo("HARD"), equalTo("MEDIUM"), equalTo("SOFT"))))
                .extract().jsonPath();
        assertFalse(analysis.getList("constraints").isEmpty());
        assertTrue(analysis.getList("unmet.needId").contains(tents));
        assertTrue(analysis.getList("unmet.reason", String.class).stream()
                .anyMatch(r -> r.toLowerCase().contains("embargo")));

        // dashboards poll with If-None-Match
        String tag = get("/api/v1/plans/" + planId).statusCode(200).header("ETag", notNullValue()).extract()
                .header("ETag");
        given().header("If-None-Match", tag).when().get("/api/v1/plans/" + planId).then().statusCode(304);

        get("/api/v1/plans?status=SOLVED&size=500").statusCode(200).body("items.id", hasItem(planId))
                .body("items.status", everyItem(equalTo("SOLVED")));
    }

    @Test
    void stoppingEarlyKeepsTheBestPlanSoFar() {
        Map<String, Object> incident = incident("Aftershock", "TUR", List.of(site("Hatay", 36.40, 36.35, 3000)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.TENT, 50, "HIGH");
        // asks for 10 hours: capped to the server maximum (PT5M)
        String planId = post("/api/v1/plans", planBody(incidentId, "PT10H", "PT10H")).statusCode(202)
                .body("spentLimit", equalTo("PT5M")).body("unimprovedSpentLimit", equalTo("PT2M"))
                .extract().path("id");
        problem(get("/api/v1/plans/" + planId + "/analysis"), 409);
        get("/api/v1/plans?status=SOLVING&size=500").statusCode(200).body("items.id", hasItem(planId));

        var stopped = given().when().delete("/api/v1/plans/" + planId + "/solving").then().statusCode(200)
                .body("stoppedEarly", equalTo(true)).body("finishedAt", notNullValue())
                .extract().jsonPath();
        String status = stopped.getString("status");
        assertTrue(Set.of("SOLVED", "CANCELLED").contains(status), status);
        if ("SOLVED".equals(status)) {
            assertTrue(stopped.getBoolean("feasible"));
            get("/api/v1/plans/" + planId + "/analysis").statusCode(200).body("constraints", notNullValue());
        }
        problem(given().when().delete("/api/v1/plans/" + planId + "/solving").then(), 409);
        problem(given().when().delete("/api/v1/plans/" + UUID.randomUUID() + "/solving").then(), 404);
    }

    @Test
    void refusesWhatCannotBePlanned() {
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(UUID.randomUUID().toString()))), 422)
                .body("title", equalTo("Unknown incidents"));

        Map<String, Object> empty = incident("Quiet", "TUR", List.of(site("Nowhere", 39, 35, 0)));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(empty.get("id")))), 422)
                .body("title", equalTo("Nothing to plan")).body("detail", containsString("nothing to plan"));

        Map<String, Object> closed = incident("Closed", "TUR", List.of(site("Somewhere", 39, 35, 10)));
        need((String) closed.get("id"), siteId(closed, 0), InventoryStubs.TENT, 5, "LOW");
        post("/api/v1/incidents/" + closed.get("id") + "/closure", Map.of()).statusCode(200);
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(closed.get("id")))), 422);

        // an item that existed when the need was recorded but is gone from the catalogue now
        inventory.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/items/OLD-KIT")).atPriority(1)
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"code\":\"OLD-KIT\",\"name\":\"Old kit\",\"category\":\"NFI\",\"unit\":\"kit\",\"unitWeightKg\":1,\"unitVolumeM3\":0.01,\"shelfLifeDays\":null}")));
        Map<String, Object> stale = incident("Stale", "TUR", List.of(site("Elsewhere", 39, 35, 10)));
        need((String) stale.get("id"), siteId(stale, 0), "OLD-KIT", 5, "LOW");
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(stale.get("id")))), 422)
                .body("detail", containsString("OLD-KIT"));
    }

    @Test
    void aLotHoldingMoreUnitsThanAnIntIsPlannedFrom() throws Exception {
        // 5 billion units: past 2^31 - 1, where reading quantities as int made every POST /plans a 503
        inventory.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/stock")).atPriority(0)
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json")
                        .withBody(InventoryStubs.stockPageWithBlankets(5_000_000_000L))));
        Map<String, Object> incident = incident("Cold wave", "TUR", List.of(site("Kars", 40.60, 43.10, 500)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 120, "HIGH");
        String planId = post("/api/v1/plans", planBody(incidentId, "PT3S", "PT1S")).statusCode(202).extract()
                .path("id");
        JsonPath plan = awaitFinished(planId);
        assertEquals("SOLVED", plan.getString("status"), plan.prettify());
        assertEquals(List.of(InventoryStubs.LOT_BLANKET_GAZIANTEP.toString()),
                plan.getList("lines.lotId", String.class).stream().distinct().toList(), plan.prettify());
        assertEquals(120, plan.<Integer>getList("lines.quantity").stream().mapToInt(Integer::intValue).sum(),
                plan.prettify());
    }

    @Test
    void inventoryDownIs503() {
        Map<String, Object> incident = incident("Storm", "TUR", List.of(site("Izmir", 38.42, 27.14, 100)));
        need((String) incident.get("id"), siteId(incident, 0), InventoryStubs.TENT, 5, "LOW");
        inventory.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/stock")).atPriority(0)
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(incident.get("id")))), 503)
                .body("title", equalTo("Inventory service unavailable"));
        inventory.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/stock")).atPriority(0)
                .willReturn(WireMock.aResponse().withStatus(500)));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(incident.get("id")))), 503);
        inventory.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/stock")).atPriority(0)
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"items\": [{\"lotId\": 42")));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(incident.get("id")))), 503);
    }

    @Test
    void malformedAndBoundaryBodiesAre400() {
        String id = UUID.randomUUID().toString();
        problem(postRaw("/api/v1/plans", "{\"incidentIds\": ["), 400);
        problem(postRaw("/api/v1/plans", "{}"), 400).body("errors.field", hasItem("incidentIds"));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of())), 400).body("errors.field",
                hasItem("incidentIds"));
        problem(postRaw("/api/v1/plans", "{\"incidentIds\": [null]}"), 400);
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of("not-a-uuid"))), 400);
        problem(post("/api/v1/plans", Map.of("incidentIds", "one")), 400);
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(id), "planFrom", "now")), 400)
                .body("errors[0].field", equalTo("planFrom"));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(id), "termination", Map.of("spentLimit", "soon"))),
                400)
                .body("errors[0].field", equalTo("termination.spentLimit"));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(id), "termination", Map.of("spentLimit", "PT0S"))),
                400);
        problem(post("/api/v1/plans",
                Map.of("incidentIds", List.of(id), "termination", Map.of("unimprovedSpentLimit", "-PT1S"))), 400);
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(id), "weights", Map.of("Transport cost", -1))),
                400);
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(id), "weights", Map.of("no such constraint", 1))),
                400)
                .body("detail", containsString("no such constraint"));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(id), "colour", "blue")), 400);
        problem(get("/api/v1/plans/" + UUID.randomUUID()), 404);
        problem(get("/api/v1/plans/" + UUID.randomUUID() + "/analysis"), 404);
        problem(get("/api/v1/plans?size=0"), 400);
    }

    @Test
    void constraintsListTheWeightNames() {
        get("/api/v1/constraints").statusCode(200)
                .body("name", hasItem("Transport cost"))
                .body("find { it.name == 'Transport cost' }.level", equalTo("SOFT"))
                .body("find { it.name == 'Material crosses access rule' }.level", equalTo("HARD"))
                .body("weight", everyItem(notNullValue())).body("description", everyItem(notNullValue()));
    }

    @Test
    void weightsOfTheRequestAreRecorded() {
        Map<String, Object> incident = incident("Weights", "TUR", List.of(site("Malatya", 38.35, 38.31, 100)));
        need((String) incident.get("id"), siteId(incident, 0), InventoryStubs.BLANKET, 20, "LOW");
        Map<String, Object> body = planBody((String) incident.get("id"), "PT1S", "PT1S");
        body.put("weights", Map.of("Transport cost", 3));
        String key = "plan-" + UUID.randomUUID();
        String planId = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/plans").then().statusCode(202).body("weights.'Transport cost'", equalTo(3))
                .extract().path("id");
        // the same key and body: the same plan, nothing new is solved
        given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/plans").then().statusCode(202).body("id", equalTo(planId))
                .header("Location", containsString(planId));
        body.put("weights", Map.of("Transport cost", 4));
        problem(given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/plans").then(), 422);
        given().when().delete("/api/v1/plans/" + planId + "/solving").then()
                .statusCode(anyOf(equalTo(200), equalTo(409)));
        get("/api/v1/plans/" + planId).statusCode(200).body("weights.'Transport cost'", equalTo(3));
    }

    private static int sum(List<Map<String, Object>> lines, String needId) {
        return lines.stream().filter(l -> needId.equals(l.get("needId"))).mapToInt(l -> (Integer) l.get("quantity"))
                .sum();
    }
}
