package org.corridor.allocation.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.siteId;
import static org.corridor.allocation.support.Api.teamNeed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.support.Api;
import org.corridor.allocation.support.InjectShipmentWireMock;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.allocation.support.PlanFixtures;
import org.corridor.allocation.support.ShipmentWireMock;
import org.corridor.common.security.Roles;
import org.corridor.common.time.DbClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GET /incidents/{id}/attention against the real PostgreSQL, with inventory-service and shipment-service answered by
 * WireMock. The incidents and needs are made through the API; the approved plans (lines lost, delivered, cancelled,
 * teams assigned) and solved plans are written to the database as approval and coverage would have left them.
 * Inventory's stub has 5,000 blankets in Gaziantep (TUR), tents in three depots, no HEB cartons, a USAR_MEDIUM and a
 * USAR_HEAVY team AVAILABLE.
 */
@QuarkusTest
@QuarkusTestResource(value = ShipmentWireMock.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "test-officer", roles = {Roles.DASHBOARD})
class AttentionResourceTest {

    private static final String JSON = "application/json";

    @InjectWireMock
    WireMockServer inventory;

    @InjectShipmentWireMock
    WireMockServer shipments;

    @AfterEach
    void restoreStubs() {
        InventoryWireMock.stubDefaults(inventory);
        ShipmentWireMock.stubDefaults(shipments);
    }

    /** An incident in TUR whose one site lies in {@code siteCountry}; returns the incident's JSON. */
    private static Map<String, Object> incidentIn(String name, String siteCountry) {
        return incident(name, "TUR", List.of(Map.of("name", name + " site", "latitude", 36.2, "longitude", 37.1,
                "affectedPopulation", 1000, "countryCode", siteCountry)));
    }

    private static JsonPath attention(String incidentId) {
        return get("/api/v1/incidents/" + incidentId + "/attention").statusCode(200).contentType(JSON).extract()
                .jsonPath();
    }

    private static Map<String, Object> item(JsonPath a, String kind) {
        Map<String, Object> item = a.getMap("items.find { it.kind == '" + kind + "' }");
        assertNotNull(item, kind + " expected in " + a.prettify());
        return item;
    }

    private static List<String> kinds(JsonPath a) {
        return a.getList("items.kind");
    }

    private void shipmentsOfPlan(UUID planId, String shipmentsJson) {
        shipments.stubFor(WireMock.get(urlPathEqualTo("/api/v1/shipments")).atPriority(1)
                .withQueryParam("planId", equalTo(planId.toString()))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody(
                        "{\"items\":[" + shipmentsJson + "],\"page\":0,\"size\":500,\"total\":1}")));
    }

    private static String shipment(UUID id, UUID planId, String status, Instant dispatchedAt) {
        return "{\"id\":\"" + id + "\",\"planId\":\"" + planId + "\",\"status\":\"" + status + "\",\"dispatchedAt\":"
                + (dispatchedAt == null ? "null" : "\"" + dispatchedAt + "\"") + ",\"lines\":[]}";
    }

    @Test
    void anUnknownIncidentIs404() {
        UUID id = UUID.randomUUID();
        Api.problem(get("/api/v1/incidents/" + id + "/attention"), 404).body("detail", containsString(id.toString()));
        get("/api/v1/incidents/not-a-uuid/attention").statusCode(404);
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void beforeAnyApprovalEveryUncoveredNeedIsNewAndUsableStockAndTeamsAdviseAPlan() {
        Map<String, Object> incident = incidentIn("Never planned", "SYR");
        String id = (String) incident.get("id");
        String needId = need(id, siteId(incident, 0), InventoryStubs.BLANKET, 300, "HIGH");
        String teamNeedId = teamNeed(id, siteId(incident, 0), "USAR_MEDIUM", 1);

        JsonPath a = attention(id);
        assertEquals(id, a.getString("incidentId"));
        assertNull(a.get("lastApprovedPlanId"));
        assertNull(a.get("lastApprovedAt"));
        assertTrue(a.getBoolean("replanAdvised"));
        assertEquals(List.of("NEW_NEED", "TEAM_NEED_UNFILLED", "NEW_STOCK"), kinds(a), a.prettify());
        Map<String, Object> fresh = item(a, "NEW_NEED");
        assertEquals(needId, fresh.get("needId"));
        assertEquals(siteId(incident, 0), fresh.get("siteId"));
        assertEquals(300, fresh.get("quantity"));
        assertEquals(true, fresh.get("replanHelps"));
        assertTrue(((String) fresh.get("reason")).contains("no plan of this incident has been approved yet"));
        Map<String, Object> team = item(a, "TEAM_NEED_UNFILLED");
        assertEquals(teamNeedId, team.get("teamNeedId"));
        assertEquals(1, team.get("quantity"));
        assertEquals(true, team.get("replanHelps"));
        Map<String, Object> stock = item(a, "NEW_STOCK");
        assertEquals(InventoryStubs.BLANKET, stock.get("itemCode"));
        assertEquals(5000, stock.get("quantity"));
        assertEquals(1, stock.get("lots"));
        assertEquals(List.of(), a.getList("notChecked"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void aLostShipmentIsNamedAsLostAndExplainsTheUncoveredUnits() {
        Map<String, Object> incident = incidentIn("Lost convoy", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.BLANKET, 100, "HIGH");
        PlanFixtures plan = PlanFixtures.approved(id)
                .line(needId, site, InventoryStubs.BLANKET, InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 100,
                        LineState.LOST);
        UUID shipmentId = plan.lastShipment();
        UUID planId = plan.save();
        shipmentsOfPlan(planId, shipment(shipmentId, planId, "LOST", DbClock.now()));

        JsonPath a = attention(id);
        assertEquals(planId.toString(), a.getString("lastApprovedPlanId"));
        assertNotNull(a.getString("lastApprovedAt"));
        assertTrue(a.getBoolean("replanAdvised"));
        // the lost units are explained by the loss: no NEED_UNCOVERED for the same units
        assertEquals(List.of("SHIPMENT_LOST"), kinds(a).stream().filter(k -> !k.equals("NEW_STOCK")).toList());
        Map<String, Object> lost = item(a, "SHIPMENT_LOST");
        assertEquals(100, lost.get("quantity"));
        assertEquals(needId, lost.get("needId"));
        assertEquals(site, lost.get("siteId"));
        assertEquals(shipmentId.toString(), lost.get("shipmentId"));
        assertEquals(planId.toString(), lost.get("planId"));
        assertEquals(InventoryStubs.LOT_BLANKET_GAZIANTEP.toString(), lost.get("lotId"));
        assertEquals(InventoryStubs.BLANKET, lost.get("itemCode"));
        assertTrue(((String) lost.get("reason")).contains("was reported LOST"), (String) lost.get("reason"));
        assertEquals(true, lost.get("replanHelps"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void aShipmentCancelledAfterDispatchIsSaidSo() {
        Map<String, Object> incident = incidentIn("Cancelled on the road", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.BLANKET, 60, "HIGH");
        PlanFixtures plan = PlanFixtures.approved(id).line(needId, site, InventoryStubs.BLANKET,
                InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 60, LineState.LOST);
        UUID shipmentId = plan.lastShipment();
        UUID planId = plan.save();
        shipmentsOfPlan(planId, shipment(shipmentId, planId, "CANCELLED", DbClock.now()));

        Map<String, Object> lost = item(attention(id), "SHIPMENT_LOST");
        assertEquals(60, lost.get("quantity"));
        assertTrue(((String) lost.get("reason")).contains("was cancelled after it had been dispatched"),
                (String) lost.get("reason"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void shipmentServiceDownStillAnswersAndSaysWhatItCannotTell() {
        Map<String, Object> incident = incidentIn("Shipments dark", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.BLANKET, 70, "HIGH");
        PlanFixtures plan = PlanFixtures.approved(id).line(needId, site, InventoryStubs.BLANKET,
                InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 70, LineState.LOST);
        UUID planId = plan.save();
        shipments.stubFor(WireMock.get(urlPathEqualTo("/api/v1/shipments")).atPriority(1)
                .withQueryParam("planId", equalTo(planId.toString()))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unavailable\",\"status\":503,\"detail\":\"down\"}")));

        JsonPath a = attention(id);
        Map<String, Object> lost = item(a, "SHIPMENT_LOST");
        assertEquals(70, lost.get("quantity"));
        assertTrue(((String) lost.get("reason")).contains("lost or cancelled after dispatch (shipment-service did "
                + "not answer"), (String) lost.get("reason"));
        assertEquals(1, a.getList("notChecked").size());
        assertTrue(a.getString("notChecked[0]").startsWith("shipment-service did not answer"));
        assertTrue(a.getBoolean("replanAdvised"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void rejectedAndCancelledUnitsAreListedWithWhatExplainsThem() {
        Map<String, Object> incident = incidentIn("Rejections", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String rejectedNeed = need(id, site, InventoryStubs.BLANKET, 100, "HIGH");
        String cancelledNeed = need(id, site, InventoryStubs.TENT, 40, "HIGH");
        PlanFixtures plan = PlanFixtures.approved(id)
                .line(rejectedNeed, site, InventoryStubs.BLANKET, InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 100,
                        LineState.DELIVERED, 90, 10);
        UUID delivering = plan.lastShipment();
        plan.line(cancelledNeed, site, InventoryStubs.TENT, InventoryStubs.LOT_TENT_GAZIANTEP, "TUR", 40,
                LineState.CANCELLED);
        UUID cancelled = plan.lastShipment();
        plan.save();

        JsonPath a = attention(id);
        Map<String, Object> rejected = item(a, "REJECTED_AT_DELIVERY");
        assertEquals(10, rejected.get("quantity"));
        assertEquals(rejectedNeed, rejected.get("needId"));
        assertEquals(delivering.toString(), rejected.get("shipmentId"));
        assertTrue(((String) rejected.get("reason")).contains("10 of 100"), (String) rejected.get("reason"));
        Map<String, Object> cancel = item(a, "SHIPMENT_CANCELLED");
        assertEquals(40, cancel.get("quantity"));
        assertEquals(cancelledNeed, cancel.get("needId"));
        assertEquals(cancelled.toString(), cancel.get("shipmentId"));
        assertTrue(((String) cancel.get("reason")).contains("cancelled before dispatch"));
        assertFalse(kinds(a).contains("NEED_UNCOVERED"), a.prettify());
        assertTrue(a.getBoolean("replanAdvised"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void aNeedCreatedAfterTheApprovalIsNewAndAnUnmetRemainderIsUncovered() throws InterruptedException {
        Map<String, Object> incident = incidentIn("Growing needs", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String partly = need(id, site, InventoryStubs.BLANKET, 150, "HIGH");
        String full = need(id, site, InventoryStubs.TENT, 20, "HIGH");
        String never = need(id, site, InventoryStubs.TENT, 5, "LOW");
        Thread.sleep(5);
        PlanFixtures.approved(id)
                .line(partly, site, InventoryStubs.BLANKET, InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 100,
                        LineState.DELIVERED, 100, 0)
                .line(full, site, InventoryStubs.TENT, InventoryStubs.LOT_TENT_GAZIANTEP, "TUR", 20,
                        LineState.DELIVERED, 20, 0)
                .save();
        Thread.sleep(5);
        String later = need(id, site, InventoryStubs.HYGIENE_KIT, 30, "MEDIUM");

        JsonPath a = attention(id);
        List<Map<String, Object>> fresh = a.getList("items.findAll { it.kind == 'NEW_NEED' }");
        assertEquals(List.of(never, later), fresh.stream().map(i -> i.get("needId")).toList(), a.prettify());
        assertTrue(((String) fresh.get(0).get("reason")).contains("no approved plan has ever covered it"));
        assertTrue(((String) fresh.get(1).get("reason")).contains("created after the last approval"));
        // no hygiene kits in stock: the new need cannot be covered by a re-plan
        assertEquals(false, fresh.get(1).get("replanHelps"));
        assertEquals(30, fresh.get(1).get("quantity"));
        Map<String, Object> uncovered = item(a, "NEED_UNCOVERED");
        assertEquals(partly, uncovered.get("needId"));
        assertEquals(50, uncovered.get("quantity"));
        assertEquals(true, uncovered.get("replanHelps"));
        assertEquals(1, a.getList("items.findAll { it.kind == 'NEED_UNCOVERED' }").size());
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    void anApprovedLineANewRuleForbidsIsNamedWithTheRuleOfTheSitesCountry() {
        // the incident is Turkish but its site lies in Jordan: the rule that matters is ITA -> JOR
        Map<String, Object> incident = incidentIn("Across the border", "JOR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.TENT, 50, "HIGH");
        PlanFixtures plan = PlanFixtures.approved(id).line(needId, site, InventoryStubs.TENT,
                InventoryStubs.LOT_TENT_HOUSTON, "ITA", 50, LineState.APPROVED);
        UUID shipmentId = plan.lastShipment();
        UUID planId = plan.save();
        String toTurkey = rule("ITA", "TUR", "Closed towards the incident's country");
        assertTrue(attention(id).getList("items.kind").isEmpty(), "a rule towards the incident's country only");
        String toJordan = rule("ITA", "JOR", "Border crossing closed after the aftershock");
        try {
            JsonPath a = attention(id);
            Map<String, Object> forbidden = item(a, "LINE_FORBIDDEN");
            assertEquals(toJordan, forbidden.get("ruleId"));
            assertEquals(planId.toString(), forbidden.get("planId"));
            assertEquals(shipmentId.toString(), forbidden.get("shipmentId"));
            assertEquals(InventoryStubs.LOT_TENT_HOUSTON.toString(), forbidden.get("lotId"));
            assertEquals(50, forbidden.get("quantity"));
            assertTrue(((String) forbidden.get("reason")).contains("Border crossing closed after the aftershock"));
            assertEquals(true, forbidden.get("replanHelps"));
            assertTrue(a.getBoolean("replanAdvised"));
            assertEquals(1, a.getList("items").size(), a.prettify());
        } finally {
            given().delete("/api/v1/access-rules/" + toJordan).then().statusCode(204);
            given().delete("/api/v1/access-rules/" + toTurkey).then().statusCode(204);
        }
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void anApprovedLineWhoseLotExpiresWithinTheMarginIsForbidden() {
        Map<String, Object> incident = incidentIn("Short shelf life", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.HEB, 10, "HIGH");
        UUID lot = UUID.randomUUID();
        UUID goodLot = UUID.randomUUID();
        PlanFixtures plan = PlanFixtures.approved(id)
                .line(needId, site, InventoryStubs.HEB, lot, "TUR", 6, LineState.APPROVED);
        // arrives in 3 days; expires a day after arrival, inside the 2-day margin
        String expires = plan.lastLine().arrivesAt.plus(Duration.ofDays(1)).toString().substring(0, 10);
        plan.line(needId, site, InventoryStubs.HEB, goodLot, "TUR", 4, LineState.APPROVED);
        String good = plan.lastLine().arrivesAt.plus(Duration.ofDays(30)).toString().substring(0, 10);
        plan.solverInput("{\"needs\":[],\"teamNeeds\":[],\"lots\":[{\"lotId\":\"" + lot + "\",\"expiresOn\":\""
                + expires + "\"},{\"lotId\":\"" + goodLot + "\",\"expiresOn\":\"" + good + "\"}]}");
        plan.save();
        // the good lot is in inventory with its units; the expiring one only in the plan's snapshot
        stock(lot(goodLot, InventoryStubs.HEB, 4, 4, good, null, "2023-01-01T00:00:00Z"));

        JsonPath a = attention(id);
        List<Map<String, Object>> forbidden = a.getList("items.findAll { it.kind == 'LINE_FORBIDDEN' }");
        assertEquals(1, forbidden.size(), a.prettify());
        assertEquals(lot.toString(), forbidden.get(0).get("lotId"));
        assertEquals(6, forbidden.get(0).get("quantity"));
        assertNull(forbidden.get(0).get("ruleId"));
        assertTrue(((String) forbidden.get(0).get("reason")).contains("expires on " + expires));
        assertTrue(a.getBoolean("replanAdvised"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void anApprovedLineWhoseLotWasAdjustedAwayIsForbidden() {
        Map<String, Object> incident = incidentIn("Stock gone", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.TENT, 300, "HIGH");
        UUID shrunk = UUID.randomUUID();
        UUID intact = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        PlanFixtures plan = PlanFixtures.approved(id)
                .line(needId, site, InventoryStubs.TENT, shrunk, "TUR", 100, LineState.APPROVED)
                .line(needId, site, InventoryStubs.TENT, intact, "TUR", 100, LineState.APPROVED)
                .line(needId, site, InventoryStubs.TENT, gone, "TUR", 100, LineState.APPROVED);
        UUID planId = plan.save();
        // 100 reserved for the plan, but an adjustment left 30 on hand
        stock(lot(shrunk, InventoryStubs.TENT, 30, 0, null, null, "2023-01-01T00:00:00Z"),
                lot(intact, InventoryStubs.TENT, 100, 0, null, null, "2023-01-01T00:00:00Z"));

        JsonPath a = attention(id);
        List<Map<String, Object>> forbidden = a.getList("items.findAll { it.kind == 'LINE_FORBIDDEN' }");
        assertEquals(List.of(shrunk.toString(), gone.toString()), forbidden.stream().map(i -> i.get("lotId")).toList(),
                a.prettify());
        assertTrue(((String) forbidden.get(0).get("reason")).contains("only 30 unit(s) on hand, fewer than the 100"));
        assertTrue(((String) forbidden.get(1).get("reason")).contains("inventory no longer lists its lot"));
        assertEquals(planId.toString(), forbidden.get(0).get("planId"));
        assertTrue(a.getBoolean("replanAdvised"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void aTeamNoLongerAssignedToItsPlanIsStoodDown() {
        Map<String, Object> incident = incidentIn("Teams", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String teamNeedId = teamNeed(id, site, "USAR_MEDIUM", 2);
        UUID kept = UUID.randomUUID();
        UUID stoodDown = UUID.randomUUID();
        UUID planId = PlanFixtures.approved(id).team(teamNeedId, kept).team(teamNeedId, stoodDown).save();
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/teams")).atPriority(1)
                .withQueryParam("assignmentReference", equalTo("plan-" + planId))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"items\":[" + team(kept,
                        "ASSIGNED", "plan-" + planId) + "],\"page\":0,\"size\":500,\"total\":1}")));
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/teams/" + stoodDown)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody(team(stoodDown, "AVAILABLE",
                        null))));

        JsonPath a = attention(id);
        assertEquals(List.of("TEAM_STOOD_DOWN"), kinds(a), a.prettify());
        Map<String, Object> item = item(a, "TEAM_STOOD_DOWN");
        assertEquals(stoodDown.toString(), item.get("teamId"));
        assertEquals(teamNeedId, item.get("teamNeedId"));
        assertEquals(planId.toString(), item.get("planId"));
        assertTrue(((String) item.get("reason")).contains("it is AVAILABLE (stood down)"));
        assertTrue(a.getBoolean("replanAdvised"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void stockReceivedSinceTheApprovalIsNewOnlyWhenUsableHere() throws InterruptedException {
        Map<String, Object> incident = incidentIn("Fresh stock", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.TENT, 500, "HIGH");
        UUID planId = PlanFixtures.approved(id).line(needId, site, InventoryStubs.TENT,
                InventoryStubs.LOT_TENT_GAZIANTEP, "TUR", 300, LineState.DELIVERED, 300, 0).save();
        Instant approvedAt = Instant.parse(attention(id).getString("lastApprovedAt"));
        String before = approvedAt.minus(Duration.ofDays(3)).toString();
        String after = approvedAt.plus(Duration.ofMinutes(1)).toString();
        UUID oldLot = UUID.randomUUID();
        UUID newLot = UUID.randomUUID();
        stock(lot(oldLot, 80, null, null, before), lot(newLot, 150, null, null, after),
                lot(UUID.randomUUID(), 900, null, "[\"ITA\"]", after),
                lot(UUID.randomUUID(), 700, "2020-01-01", null, after));

        JsonPath a = attention(id);
        assertEquals(planId.toString(), a.getString("lastApprovedPlanId"));
        Map<String, Object> stock = item(a, "NEW_STOCK");
        // the lot earmarked for Italy and the expired lot are not usable here; the old lot is not new
        assertEquals(1, stock.get("lots"));
        assertEquals(150, stock.get("quantity"));
        assertEquals(InventoryStubs.TENT, stock.get("itemCode"));
        assertEquals(true, stock.get("replanHelps"));
        Map<String, Object> uncovered = item(a, "NEED_UNCOVERED");
        assertEquals(200, uncovered.get("quantity"));
        assertTrue(((String) uncovered.get("reason")).contains("230 usable unit(s)"), (String) uncovered.get("reason"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    void aSolvedPlanOlderThanANewNeedAndANewRuleIsOutdated() throws InterruptedException {
        Map<String, Object> incident = incidentIn("Outdated", "JOR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String needId = need(id, site, InventoryStubs.BLANKET, 100, "HIGH");
        Thread.sleep(5);
        UUID current = PlanFixtures.solved(id, "{\"needs\":[{\"needId\":\"" + needId + "\",\"quantity\":100}],"
                + "\"teamNeeds\":[],\"lots\":[]}").save();
        assertFalse(kinds(attention(id)).contains("PLAN_OUTDATED"), "a plan made from the current state");
        Thread.sleep(5);
        String later = need(id, site, InventoryStubs.TENT, 10, "HIGH");
        String ruleId = rule("ARE", "JOR", "Air corridor closed");
        try {
            JsonPath a = attention(id);
            Map<String, Object> outdated = item(a, "PLAN_OUTDATED");
            assertEquals(current.toString(), outdated.get("planId"));
            String reason = (String) outdated.get("reason");
            assertTrue(reason.contains("1 new need(s) (" + later + ")"), reason);
            assertTrue(reason.contains(ruleId), reason);
            assertTrue(reason.endsWith("Re-plan before approving."), reason);
            assertEquals(false, outdated.get("replanHelps"));
        } finally {
            given().delete("/api/v1/access-rules/" + ruleId).then().statusCode(204);
        }
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void nothingARePlanCanActOnIsNotAdvised() {
        Map<String, Object> incident = incidentIn("Settled", "SYR");
        String id = (String) incident.get("id");
        String site = siteId(incident, 0);
        String delivered = need(id, site, InventoryStubs.BLANKET, 100, "HIGH");
        String noStock = need(id, site, InventoryStubs.HEB, 10, "HIGH");
        String noTeam = teamNeed(id, site, "EMT_TYPE_2", 1);
        UUID planId = PlanFixtures.approved(id)
                .line(delivered, site, InventoryStubs.BLANKET, InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 100,
                        LineState.DELIVERED, 100, 0)
                .line(noStock, site, InventoryStubs.HEB, UUID.randomUUID(), "TUR", 10, LineState.DELIVERED, 4, 6)
                .save();

        JsonPath a = attention(id);
        assertEquals(planId.toString(), a.getString("lastApprovedPlanId"));
        assertFalse(a.getBoolean("replanAdvised"), a.prettify());
        assertEquals(List.of("REJECTED_AT_DELIVERY", "TEAM_NEED_UNFILLED"), kinds(a), a.prettify());
        assertTrue(((String) item(a, "REJECTED_AT_DELIVERY").get("reason"))
                .contains("No usable stock of " + InventoryStubs.HEB));
        assertEquals(noTeam, item(a, "TEAM_NEED_UNFILLED").get("teamNeedId"));
        assertTrue(((String) item(a, "TEAM_NEED_UNFILLED").get("reason")).contains("No AVAILABLE EMT_TYPE_2 team"));
        assertEquals(List.of(), a.getList("notChecked"));

        // fully delivered and nothing else: an empty list
        Map<String, Object> settled = incidentIn("All delivered", "SYR");
        String settledId = (String) settled.get("id");
        String only = need(settledId, siteId(settled, 0), InventoryStubs.BLANKET, 10, "LOW");
        PlanFixtures.approved(settledId).line(only, siteId(settled, 0), InventoryStubs.BLANKET,
                InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 10, LineState.DELIVERED, 10, 0).save();
        get("/api/v1/incidents/" + settledId + "/attention").statusCode(200)
                .body("replanAdvised", org.hamcrest.Matchers.equalTo(false)).body("items", empty())
                .body("lastApprovedPlanId", not(nullValue()));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void inventoryDownStillAnswersWhatTheDatabaseKnows() {
        Map<String, Object> incident = incidentIn("Inventory dark", "SYR");
        String id = (String) incident.get("id");
        String needId = need(id, siteId(incident, 0), InventoryStubs.BLANKET, 40, "HIGH");
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/stock")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unavailable\",\"status\":503,\"detail\":\"down\"}")));

        JsonPath a = attention(id);
        assertEquals(List.of("NEW_NEED"), kinds(a), a.prettify());
        assertEquals(needId, item(a, "NEW_NEED").get("needId"));
        // without inventory nothing says stock could cover it
        assertEquals(false, item(a, "NEW_NEED").get("replanHelps"));
        assertFalse(a.getBoolean("replanAdvised"));
        assertTrue(a.getString("notChecked[0]").startsWith("inventory-service did not answer"));
    }

    @Test
    @TestSecurity(user = "test-officer", roles = {Roles.LOGISTICS_OFFICER})
    void anUnchangedListAnswers304ToItsETag() {
        Map<String, Object> incident = incidentIn("Polled", "SYR");
        String id = (String) incident.get("id");
        need(id, siteId(incident, 0), InventoryStubs.BLANKET, 40, "HIGH");
        String tag = get("/api/v1/incidents/" + id + "/attention").statusCode(200).extract().header("ETag");
        assertNotNull(tag);
        given().header("If-None-Match", tag).when().get("/api/v1/incidents/" + id + "/attention").then()
                .statusCode(304);
        need(id, siteId(incident, 0), InventoryStubs.TENT, 5, "LOW");
        given().header("If-None-Match", tag).when().get("/api/v1/incidents/" + id + "/attention").then()
                .statusCode(200).body("items.kind", hasItem("NEW_NEED"));
    }

    private static String rule(String origin, String destination, String reason) {
        return post("/api/v1/access-rules", Map.of("originCountryCode", origin, "destinationCountryCode", destination,
                "kind", "BORDER_CLOSED", "appliesTo", "ALL", "reason", reason, "validFrom", "2023-01-01T00:00:00Z"))
                .statusCode(201).extract().path("id");
    }

    private static String team(UUID id, String status, String reference) {
        return """
                {"id":"%s","name":"Team %s","countryCode":"TUR","organisationId":"00000000-0000-4000-8000-00000000000b",
                 "type":"USAR_MEDIUM","members":40,"baseLatitude":41.0,"baseLongitude":28.9,"mobilisationHours":6,
                 "selfSufficiencyDays":14,"status":"%s","assignmentReference":%s}"""
                .formatted(id, id, status, reference == null ? "null" : "\"" + reference + "\"");
    }

    private void stock(String... lots) {
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/stock")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"items\":["
                        + String.join(",", lots) + "],\"page\":0,\"size\":500,\"total\":" + lots.length + "}")));
    }

    private static String lot(UUID lotId, int available, String expiresOn, String earmarkCountries,
            String receivedAt) {
        return lot(lotId, InventoryStubs.TENT, available, available, expiresOn, earmarkCountries, receivedAt);
    }

    private static String lot(UUID lotId, String itemCode, int onHand, int available, String expiresOn,
            String earmarkCountries, String receivedAt) {
        return """
                {"lotId":"%s","depotId":"%s","depotCode":"TR-GAZ","depotName":"Gaziantep logistics hub",
                 "countryCode":"TUR","latitude":37.07,"longitude":37.38,"itemCode":"%s","lotCode":"LOT-X",
                 "expiresOn":%s,"donorOrganisationId":"00000000-0000-4000-8000-00000000000a","donorName":"Donor",
                 "earmark":%s,"onHand":%d,"reserved":%d,"available":%d,"receivedAt":"%s"}"""
                .formatted(lotId, InventoryStubs.DEPOT_GAZIANTEP, itemCode,
                        expiresOn == null ? "null" : "\"" + expiresOn + "\"",
                        earmarkCountries == null
                                ? "null"
                                : "{\"countryCodes\":" + earmarkCountries + ",\"incidentTypes\":[]}",
                        onHand, onHand - available, available, receivedAt);
    }
}
