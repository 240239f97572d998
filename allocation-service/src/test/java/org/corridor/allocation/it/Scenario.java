package org.corridor.allocation.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;

/**
 * One relief scenario built through the real services' APIs, each with its own items and team type so the scenarios of
 * one test class never compete for stock or teams: an item needed at one site in Türkiye (150 units), 100 units of it
 * in a Turkish depot (road) and 100 in an Italian depot (air), and one team need served by one AVAILABLE team.
 */
final class Scenario {

    final CorridorSystem system;
    final String tag;
    final String itemCode;
    String incidentId;
    String siteId;
    String teamId;
    String lotTur;
    String lotIta;
    String planId;
    static final int NEED = 150;

    private Scenario(CorridorSystem system, String tag) {
        this.system = system;
        this.tag = tag;
        this.itemCode = "IT-" + tag + "-KIT";
    }

    /**
     * inventory-service as an administrator who is also an officer (reference data, receipts, adjustments,
     * assignments).
     */
    static RequestSpecification inventory(CorridorSystem s) {
        return as(s, "inventory", s.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER));
    }

    /** allocation-service as a logistics officer. */
    static RequestSpecification allocation(CorridorSystem s) {
        return as(s, "allocation", s.tokens().forRoles(Roles.LOGISTICS_OFFICER));
    }

    /** shipment-service as a logistics officer (tracking events, proof of delivery). */
    static RequestSpecification shipment(CorridorSystem s) {
        return as(s, "shipment", s.tokens().forRoles(Roles.LOGISTICS_OFFICER));
    }

    /** A service read as a dashboard does (read only). */
    static RequestSpecification dashboard(CorridorSystem s, String service) {
        return as(s, service, s.tokens().forRoles(Roles.DASHBOARD));
    }

    /** A service called with any bearer token (null: none). */
    static RequestSpecification as(CorridorSystem s, String service, String token) {
        RequestSpecification spec = given().baseUri(s.baseUrl(service)).basePath("/api/v1")
                .contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    /** Builds the scenario and a SOLVED plan for it. */
    static Scenario solved(CorridorSystem system, String tag, String teamType) {
        Scenario s = new Scenario(system, tag);
        s.build(teamType);
        s.solve();
        return s;
    }

    private void build(String teamType) {
        String org = inventory(system).body(Map.of("name", "Relief org " + tag, "type", "NGO", "countryCode", "TUR"))
                .post("/organisations").then().statusCode(201).extract().path("id");
        String depotTur = inventory(system)
                .body(Map.of("code", "TUR-" + tag, "name", "Adana hub " + tag, "countryCode", "TUR",
                        "latitude", 37.0, "longitude", 35.32, "organisationId", org, "kind", "NGO_WAREHOUSE"))
                .post("/depots").then().statusCode(201).extract().path("id");
        String depotIta = inventory(system)
                .body(Map.of("code", "ITA-" + tag, "name", "Brindisi hub " + tag, "countryCode", "ITA",
                        "latitude", 40.63, "longitude", 17.94, "organisationId", org, "kind", "UN_HUB"))
                .post("/depots").then().statusCode(201).extract().path("id");
        inventory(system)
                .body(Map.of("code", itemCode, "name", "Shelter kit " + tag, "category", "SHELTER", "unit", "each",
                        "unitWeightKg", 25.0, "unitVolumeM3", 0.1))
                .post("/items").then().statusCode(201);
        lotTur = receipt(depotTur, org, "LOT-TUR-" + tag);
        lotIta = receipt(depotIta, org, "LOT-ITA-" + tag);
        teamId = inventory(system).body(Map.ofEntries(Map.entry("name", "Team " + tag), Map.entry("countryCode", "TUR"),
                Map.entry("organisationId", org), Map.entry("type", teamType), Map.entry("members", 40),
                Map.entry("baseLatitude", 37.0), Map.entry("baseLongitude", 35.3), Map.entry("mobilisationHours", 6),
                Map.entry("selfSufficiencyDays", 10)))
                .post("/teams").then().statusCode(201).extract().path("id");
        Instant now = Instant.now();
        incidentId = allocation(system)
                .body(Map.of("name", "Earthquake " + tag, "type", "EARTHQUAKE", "countryCode", "TUR",
                        "startedAt", now.minus(Duration.ofHours(2)).toString(),
                        "sites", List.of(Map.of("name", "Antakya camp " + tag, "latitude", 36.2, "longitude", 36.16,
                                "affectedPopulation", 5000))))
                .post("/incidents").then().statusCode(201).extract().path("id");
        siteId = allocation(system).get("/incidents/" + incidentId).then().statusCode(200).extract()
                .path("sites[0].id");
        allocation(system).body(Map.of("siteId", siteId, "itemCode", itemCode, "quantity", NEED, "priority", "CRITICAL",
                "deliverBy", now.plus(Duration.ofDays(10)).toString())).post("/incidents/" + incidentId + "/needs")
                .then().statusCode(201);
        allocation(system).body(Map.of("siteId", siteId, "teamType", teamType, "count", 1,
                "neededBy", now.plus(Duration.ofDays(5)).toString())).post("/incidents/" + incidentId + "/team-needs")
                .then().statusCode(201);
    }

    private String receipt(String depotId, String org, String lotCode) {
        return inventory(system).body(Map.of("itemCode", itemCode, "quantity", 100, "lotCode", lotCode,
                "donorOrganisationId", org)).post("/depots/" + depotId + "/receipts")
                .then().statusCode(201).extract().path("lotId");
    }

    private void solve() {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(incidentId));
        body.put("termination", Map.of("spentLimit", "PT5S", "unimprovedSpentLimit", "PT2S"));
        planId = allocation(system).body(body).post("/plans").then().statusCode(202).extract().path("id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String status = "SOLVING";
        while ("SOLVING".equals(status) && Instant.now().isBefore(deadline)) {
            sleep(500);
            status = plan().getString("status");
        }
        assertEquals("SOLVED", status, "plan " + planId + ": " + plan().prettify());
    }

    JsonPath plan() {
        return dashboard(system, "allocation").get("/plans/" + planId).then().statusCode(200).extract().jsonPath();
    }

    Response approve(String key) {
        return allocation(system).header("Idempotency-Key", key).post("/plans/" + planId + "/approval");
    }

    /** The coverage of the scenario's one need (GET /incidents/{id}/needs). */
    Map<String, Object> needCoverage() {
        return dashboard(system, "allocation").get("/incidents/" + incidentId + "/needs").then().statusCode(200)
                .extract().jsonPath().getMap("items[0].coverage");
    }

    /** The plan's quantity per lot (its lines summed). */
    Map<String, Integer> planned() {
        Map<String, Integer> out = new HashMap<>();
        List<Map<String, Object>> lines = plan().getList("lines");
        for (Map<String, Object> l : lines) {
            out.merge((String) l.get("lotId"), ((Number) l.get("quantity")).intValue(), Integer::sum);
        }
        if (out.isEmpty()) {
            fail("plan " + planId + " has no material lines");
        }
        return out;
    }

    JsonPath lot(String lotId) {
        return inventory(system).get("/stock/lots/" + lotId).then().statusCode(200).extract().jsonPath();
    }

    int reserved(String lotId) {
        return lot(lotId).getInt("reserved");
    }

    int onHand(String lotId) {
        return lot(lotId).getInt("onHand");
    }

    String teamStatus() {
        return inventory(system).get("/teams/" + teamId).then().statusCode(200).extract().path("status");
    }

    /** The shipments of the plan in shipment-service. */
    List<Map<String, Object>> shipments() {
        return dashboard(system, "shipment").queryParam("planId", planId).queryParam("size", 100).get("/shipments")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The plan's reservations (reference plan-<id>) in inventory-service. */
    List<Map<String, Object>> reservations() {
        return inventory(system).queryParam("reference", "plan-" + planId).queryParam("size", 100).get("/reservations")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Quantity per lot carried by the given shipments, excluding CANCELLED ones. */
    static Map<String, Integer> shipped(List<Map<String, Object>> shipments) {
        Map<String, Integer> out = new HashMap<>();
        for (Map<String, Object> s : shipments) {
            if ("CANCELLED".equals(s.get("status"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) s.get("lines");
            for (Map<String, Object> l : lines) {
                out.merge((String) l.get("lotId"), ((Number) l.get("quantity")).intValue(), Integer::sum);
            }
        }
        return out;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
