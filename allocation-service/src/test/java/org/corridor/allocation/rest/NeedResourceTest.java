package org.corridor.allocation.rest;

import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.postRaw;
import static org.corridor.allocation.support.Api.problem;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.corridor.allocation.support.Api.teamNeed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class NeedResourceTest {

    @InjectWireMock
    WireMockServer inventory;

    String incidentId;
    String siteA;
    String siteB;

    @BeforeEach
    void incidentWithTwoSites() {
        Map<String, Object> i = incident("Earthquake", "TUR",
                List.of(site("Kahramanmaras", 37.58, 36.94, 1000), site("Antakya", 36.20, 36.16, 2000)));
        incidentId = (String) i.get("id");
        siteA = siteId(i, 0);
        siteB = siteId(i, 1);
    }

    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    private Map<String, Object> needBody() {
        Map<String, Object> b = new HashMap<>();
        b.put("siteId", siteA);
        b.put("itemCode", InventoryStubs.TENT);
        b.put("quantity", 500);
        b.put("priority", "CRITICAL");
        b.put("deliverBy", "2023-02-09T00:00:00Z");
        return b;
    }

    @Test
    void addsAndListsNeeds() {
        String path = "/api/v1/incidents/" + incidentId + "/needs";
        String location = post(path, needBody()).statusCode(201)
                .body("incidentId", equalTo(incidentId)).body("siteId", equalTo(siteA))
                .body("quantity", equalTo(500)).body("priority", equalTo("CRITICAL"))
                .extract().header("Location");
        need(incidentId, siteB, InventoryStubs.BLANKET, 2000, "MEDIUM");
        need(incidentId, siteB, InventoryStubs.HEB, 1, "LOW");
        get(location).statusCode(200).body("itemCode", equalTo(InventoryStubs.TENT));
        get(path).statusCode(200).body("total", equalTo(3)).body("items", hasSize(3))
                .body("items[0].itemCode", equalTo(InventoryStubs.TENT));
        get(path + "?size=2&page=1").statusCode(200).body("total", equalTo(3)).body("items", hasSize(1))
                .body("page", equalTo(1)).body("items[0].itemCode", equalTo(InventoryStubs.HEB));
        get(path + "?siteId=" + siteB).statusCode(200).body("total", equalTo(2))
                .body("items.siteId", everyItem(equalTo(siteB)));
        problem(get(path + "/" + UUID.randomUUID()), 404);
        problem(get("/api/v1/incidents/" + UUID.randomUUID() + "/needs"), 404);
    }

    @Test
    void siteOfAnotherIncidentIs422() {
        String other = siteId(incident("Other", "SYR", List.of(site("Aleppo", 36.2, 37.16, 10))), 0);
        Map<String, Object> b = needBody();
        b.put("siteId", other);
        problem(post("/api/v1/incidents/" + incidentId + "/needs", b), 422).body("detail", containsString(other));
        problem(post("/api/v1/incidents/" + incidentId + "/team-needs",
                Map.of("siteId", other, "teamType", "USAR_HEAVY", "count", 1, "neededBy", "2023-02-08T00:00:00Z")),
                422);
    }

    @Test
    void unknownItemIs422AndInventoryDownIs503() {
        Map<String, Object> b = needBody();
        b.put("itemCode", "UNOBTAINIUM");
        problem(post("/api/v1/incidents/" + incidentId + "/needs", b), 422).body("detail",
                containsString("UNOBTAINIUM"));
        inventory.stubFor(WireMock.any(WireMock.urlPathMatching("/api/v1/.*")).atPriority(0)
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        problem(post("/api/v1/incidents/" + incidentId + "/needs", needBody()), 503)
                .body("title", equalTo("Inventory service unavailable"));
        get("/api/v1/incidents/" + incidentId + "/needs").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void closedIncidentTakesNoNeeds() {
        post("/api/v1/incidents/" + incidentId + "/closure", Map.of()).statusCode(200);
        problem(post("/api/v1/incidents/" + incidentId + "/needs", needBody()), 409);
        problem(post("/api/v1/incidents/" + incidentId + "/team-needs",
                Map.of("siteId", siteA, "teamType", "USAR_HEAVY", "count", 1, "neededBy", "2023-02-08T00:00:00Z")),
                409);
    }

    @Test
    void malformedAndBoundaryNeedsAre400() {
        String path = "/api/v1/incidents/" + incidentId + "/needs";
        problem(postRaw(path, "{"), 400);
        problem(postRaw(path, "{\"siteId\":\"" + siteA
                + "\",\"itemCode\":\"X\",\"quantity\":\"many\",\"priority\":\"LOW\",\"deliverBy\":\"2023-02-09T00:00:00Z\"}"),
                400)
                .body("errors[0].field", equalTo("quantity"));
        problem(postRaw(path,
                "{\"siteId\":\"nope\",\"itemCode\":\"X\",\"quantity\":1,\"priority\":\"LOW\",\"deliverBy\":\"2023-02-09T00:00:00Z\"}"),
                400)
                .body("errors[0].field", equalTo("siteId"));
        for (Object q : new Object[]{0, -5}) {
            Map<String, Object> b = needBody();
            b.put("quantity", q);
            problem(post(path, b), 400).body("errors.field", hasItem("quantity"));
        }
        Map<String, Object> b = needBody();
        b.put("priority", "URGENT");
        problem(post(path, b), 400).body("errors[0].field", equalTo("priority"));
        for (String field : List.of("siteId", "itemCode", "quantity", "priority", "deliverBy")) {
            Map<String, Object> m = needBody();
            m.remove(field);
            problem(post(path, m), 400).body("errors.field", hasItem(field));
        }
        b = needBody();
        b.put("quantity", 1);
        post(path, b).statusCode(201).body("quantity", equalTo(1));
    }

    @Test
    void teamNeedsAreAddedListedAndValidated() {
        String path = "/api/v1/incidents/" + incidentId + "/team-needs";
        String id = teamNeed(incidentId, siteA, "USAR_HEAVY", 2);
        teamNeed(incidentId, siteB, "EMT_TYPE_2", 1);
        get(path + "/" + id).statusCode(200).body("teamType", equalTo("USAR_HEAVY")).body("count", equalTo(2));
        get(path).statusCode(200).body("total", equalTo(2)).body("items.teamType",
                hasItems("USAR_HEAVY", "EMT_TYPE_2"));
        get(path + "?siteId=" + siteB + "&size=1").statusCode(200).body("total", equalTo(1))
                .body("items[0].teamType", equalTo("EMT_TYPE_2"));
        problem(get(path + "/" + UUID.randomUUID()), 404);

        problem(postRaw(path, "not json"), 400);
        problem(post(path,
                Map.of("siteId", siteA, "teamType", "FIREFIGHTERS", "count", 1, "neededBy", "2023-02-08T00:00:00Z")),
                400)
                .body("errors[0].field", equalTo("teamType"));
        problem(post(path,
                Map.of("siteId", siteA, "teamType", "USAR_LIGHT", "count", 0, "neededBy", "2023-02-08T00:00:00Z")), 400)
                .body("errors.field", hasItem("count"));
        problem(post(path, Map.of("siteId", siteA, "teamType", "USAR_LIGHT", "count", 1)), 400)
                .body("errors.field", hasItem("neededBy"));
        problem(post(path,
                Map.of("siteId", siteA, "teamType", "USAR_LIGHT", "count", 1.5, "neededBy", "2023-02-08T00:00:00Z")),
                400);
    }

    @Test
    void estimateProposesSphereQuantitiesMappedToTheCatalogue() {
        String path = "/api/v1/incidents/" + incidentId + "/needs/estimate";
        JsonPath e = post(path, Map.of("siteId", siteA, "population", 1000, "days", 14)).statusCode(200)
                .body("siteId", equalTo(siteA)).body("population", equalTo(1000)).body("days", equalTo(14))
                .extract().jsonPath();
        int households = 1000 / 5;
        // Sphere: 3.5 m2 covered space per person, family tent 16 m2 -> 1000 x 3.5 / 16 = 218.75 -> 219 tents
        org.junit.jupiter.api.Assertions.assertEquals(219, quantityOf(e, InventoryStubs.TENT));
        // two water containers per household
        org.junit.jupiter.api.Assertions.assertEquals(2 * households, quantityOf(e, InventoryStubs.JERRYCAN));
        // 2,100 kcal x 14,000 person-days / 45,000 kcal per 10 kg HEB carton = 653.3 -> 654 (no daily ration in the
        // catalogue)
        org.junit.jupiter.api.Assertions.assertEquals(654, quantityOf(e, InventoryStubs.HEB));
        // one hygiene kit per family per month: 14 days -> one month
        org.junit.jupiter.api.Assertions.assertEquals(households, quantityOf(e, InventoryStubs.HYGIENE_KIT));
        org.junit.jupiter.api.Assertions.assertEquals(1000, quantityOf(e, InventoryStubs.BLANKET));
        org.junit.jupiter.api.Assertions
                .assertTrue(e.getList("missingItems.itemCode").contains("WASH-PURIFICATION-TABLET"));
        org.junit.jupiter.api.Assertions
                .assertTrue(e.getList("missingItems.itemCode").contains("FOOD-RATION-DAY") == false);
        // nothing was saved
        get("/api/v1/incidents/" + incidentId + "/needs").statusCode(200).body("total", equalTo(0));

        // default population is the site's; 45 days -> two months of hygiene kits
        JsonPath d = post(path, Map.of("siteId", siteB, "days", 45)).statusCode(200)
                .body("population", equalTo(2000)).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(2 * 400, quantityOf(d, InventoryStubs.HYGIENE_KIT));
        org.junit.jupiter.api.Assertions
                .assertTrue(d.getList("proposals.basis").stream().allMatch(b -> !((String) b).isBlank()));
    }

    @Test
    void estimateRefusesBadInput() {
        String path = "/api/v1/incidents/" + incidentId + "/needs/estimate";
        problem(post(path, Map.of("siteId", UUID.randomUUID().toString(), "days", 7)), 422);
        problem(post(path, Map.of("siteId", siteA, "days", 0)), 400).body("errors.field", hasItem("days"));
        problem(post(path, Map.of("siteId", siteA, "days", 366)), 400).body("errors.field", hasItem("days"));
        problem(post(path, Map.of("siteId", siteA, "days", 7, "population", 0)), 400).body("errors.field",
                hasItem("population"));
        problem(post(path, Map.of("siteId", siteA)), 400).body("errors.field", hasItem("days"));
        problem(postRaw(path, "{\"siteId\":"), 400);
        problem(post("/api/v1/incidents/" + UUID.randomUUID() + "/needs/estimate", Map.of("siteId", siteA, "days", 7)),
                404);
        post(path, Map.of("siteId", siteA, "days", 365, "population", 1)).statusCode(200)
                .body("proposals.itemCode", not(hasItem("WASH-PURIFICATION-TABLET")));
    }

    private static int quantityOf(JsonPath estimate, String itemCode) {
        List<Map<String, Object>> proposals = estimate.getList("proposals");
        return proposals.stream().filter(p -> itemCode.equals(p.get("itemCode")))
                .mapToInt(p -> (Integer) p.get("quantity"))
                .findFirst().orElseThrow(() -> new AssertionError("no proposal for " + itemCode));
    }
}
