package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.postRaw;
import static org.corridor.allocation.support.Api.problem;
import static org.corridor.allocation.support.Api.site;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(InventoryWireMock.class)
class IncidentResourceTest {

    @InjectWireMock
    WireMockServer inventory;

    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    private static Map<String, Object> validBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Kahramanmaras earthquake");
        body.put("type", "EARTHQUAKE");
        body.put("glide", "EQ-2023-000015-TUR");
        body.put("countryCode", "TUR");
        body.put("startedAt", "2023-02-06T01:17:00Z");
        body.put("sites", List.of(site("Kahramanmaras", 37.58, 36.94, 12000), site("Antakya", 36.20, 36.16, 8000)));
        return body;
    }

    @Test
    void createsAnIncidentWithItsSitesAndReadsItBack() {
        var created = post("/api/v1/incidents", validBody()).statusCode(201)
                .header("Location", containsString("/api/v1/incidents/"))
                .body("id", notNullValue()).body("status", equalTo("OPEN"))
                .body("glide", equalTo("EQ-2023-000015-TUR"))
                .body("sites", hasSize(2)).body("sites[0].id", notNullValue())
                .body("sites[1].name", equalTo("Antakya")).body("sites[1].affectedPopulation", equalTo(8000))
                .extract();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith(id));
        get("/api/v1/incidents/" + id).statusCode(200).body("name", equalTo("Kahramanmaras earthquake"))
                .body("countryCode", equalTo("TUR")).body("sites[0].latitude", equalTo(37.58f));
        get("/api/v1/incidents?countryCode=TUR&status=OPEN&size=500").statusCode(200)
                .body("items.id", hasItem(id)).body("items.countryCode", everyItem(equalTo("TUR")))
                .body("total", greaterThanOrEqualTo(1)).body("size", equalTo(500));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String key = "incident-" + UUID.randomUUID();
        var first = given().contentType("application/json").header("Idempotency-Key", key).body(validBody())
                .when().post("/api/v1/incidents").then().statusCode(201).extract();
        var again = given().contentType("application/json").header("Idempotency-Key", key).body(validBody())
                .when().post("/api/v1/incidents").then().statusCode(201).extract();
        org.junit.jupiter.api.Assertions.assertEquals(first.<String>path("id"), again.<String>path("id"));
        org.junit.jupiter.api.Assertions.assertEquals(first.header("Location"), again.header("Location"));
        org.junit.jupiter.api.Assertions.assertEquals(first.<String>path("sites[1].id"),
                again.<String>path("sites[1].id"));
        Map<String, Object> other = validBody();
        other.put("name", "Another incident");
        problem(given().contentType("application/json").header("Idempotency-Key", key).body(other)
                .when().post("/api/v1/incidents").then(), 422);
        // without a key, the same body makes a new incident
        String third = post("/api/v1/incidents", validBody()).statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(first.<String>path("id"), third);
    }

    @Test
    void glideIsOptional() {
        Map<String, Object> body = validBody();
        body.remove("glide");
        post("/api/v1/incidents", body).statusCode(201).body("glide", equalTo(null));
    }

    @Test
    void closingAnIncidentIsIdempotentAndFilterable() {
        String id = (String) incident("Flood", "SYR", List.of(site("Idlib", 35.93, 36.63, 500))).get("id");
        post("/api/v1/incidents/" + id + "/closure", Map.of()).statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        given().when().post("/api/v1/incidents/" + id + "/closure").then().statusCode(200).body("status",
                equalTo("CLOSED"));
        get("/api/v1/incidents?status=CLOSED&size=500").statusCode(200).body("items.id", hasItem(id))
                .body("items.status", everyItem(equalTo("CLOSED")));
    }

    @Test
    void aSiteAddedLaterMayLieAcrossTheBorderAndIsReadBack() {
        String id = (String) incident("Quake", "TUR", List.of(site("Antakya", 36.20, 36.16, 8000))).get("id");
        get("/api/v1/incidents/" + id).statusCode(200).body("sites[0].countryCode", equalTo("TUR"));

        Map<String, Object> body = new HashMap<>(site("Jindires", 36.39, 36.69, 3000));
        body.put("countryCode", "SYR");
        var created = post("/api/v1/incidents/" + id + "/sites", body).statusCode(201)
                .body("name", equalTo("Jindires")).body("countryCode", equalTo("SYR")).extract();
        String siteId = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/sites/" + siteId));
        get("/api/v1/incidents/" + id + "/sites/" + siteId).statusCode(200).body("countryCode", equalTo("SYR"))
                .body("affectedPopulation", equalTo(3000));
        get("/api/v1/incidents/" + id).statusCode(200).body("sites", hasSize(2))
                .body("sites[1].countryCode", equalTo("SYR"));

        // without a country, the incident's; a need can be added to the new site at once
        String second = post("/api/v1/incidents/" + id + "/sites", site("Kirikhan", 36.5, 36.36, 100)).statusCode(201)
                .body("countryCode", equalTo("TUR")).extract().path("id");
        post("/api/v1/incidents/" + id + "/needs",
                Map.of("siteId", second, "itemCode", org.corridor.allocation.support.InventoryStubs.TENT,
                        "quantity", 5, "priority", "HIGH", "deliverBy", "2023-02-10T00:00:00Z"))
                .statusCode(201);
    }

    @Test
    void aSiteSaysWhetherShipsCanUnloadThereExceptInALandlockedCountry() {
        Map<String, Object> port = new HashMap<>(site("Iskenderun port", 36.59, 36.17, 2000));
        port.put("seaport", true);
        var incident = post("/api/v1/incidents", Map.of("name", "Quake", "type", "EARTHQUAKE", "countryCode", "TUR",
                "startedAt", "2023-02-06T01:17:00Z", "sites", List.of(port, site("Antakya", 36.20, 36.16, 8000))))
                .statusCode(201).body("sites[0].seaport", equalTo(true)).body("sites[1].seaport", equalTo(false))
                .extract();
        String id = incident.path("id");
        get("/api/v1/incidents/" + id + "/sites/" + incident.path("sites[0].id")).statusCode(200)
                .body("seaport", equalTo(true));
        // Latakia, across the border, a port too
        Map<String, Object> latakia = new HashMap<>(site("Latakia port", 35.52, 35.78, 3000));
        latakia.put("countryCode", "SYR");
        latakia.put("seaport", true);
        post("/api/v1/incidents/" + id + "/sites", latakia).statusCode(201).body("seaport", equalTo(true))
                .body("countryCode", equalTo("SYR"));
        // Afghanistan has no coast (world-countries): a port there is refused, for a new incident and a new site
        Map<String, Object> kabul = new HashMap<>(site("Kabul", 34.53, 69.17, 3000));
        kabul.put("seaport", true);
        problem(post("/api/v1/incidents", Map.of("name", "Quake", "type", "EARTHQUAKE", "countryCode", "AFG",
                "startedAt", "2023-02-06T01:17:00Z", "sites", List.of(kabul))), 422)
                .body("detail", containsString("AFG has no coast"));
        kabul.put("countryCode", "AFG");
        problem(post("/api/v1/incidents/" + id + "/sites", kabul), 422).body("detail",
                containsString("AFG has no coast"));
        // not a boolean
        port.put("seaport", "perhaps");
        problem(post("/api/v1/incidents/" + id + "/sites", port), 400);
    }

    @Test
    void aSiteCannotBeAddedToAClosedOrUnknownIncidentOrInAnUnknownCountry() {
        String id = (String) incident("Flood", "SYR", List.of(site("Idlib", 35.93, 36.63, 500))).get("id");
        Map<String, Object> elsewhere = new HashMap<>(site("Nowhere", 1, 1, 1));
        elsewhere.put("countryCode", "XYZ");
        problem(post("/api/v1/incidents/" + id + "/sites", elsewhere), 422).body("detail", containsString("XYZ"));
        elsewhere.put("countryCode", "syr");
        problem(post("/api/v1/incidents/" + id + "/sites", elsewhere), 400);
        problem(post("/api/v1/incidents/" + UUID.randomUUID() + "/sites", site("A", 1, 1, 1)), 404);
        problem(get("/api/v1/incidents/" + id + "/sites/" + UUID.randomUUID()), 404);
        post("/api/v1/incidents/" + id + "/closure", Map.of()).statusCode(200);
        problem(post("/api/v1/incidents/" + id + "/sites", site("Late", 1, 1, 1)), 409)
                .body("detail", containsString("CLOSED"));
        get("/api/v1/incidents/" + id).statusCode(200).body("sites", hasSize(1));
    }

    @Test
    void unknownCountryIs422() {
        Map<String, Object> body = validBody();
        body.put("countryCode", "XYZ");
        body.put("glide", null);
        problem(post("/api/v1/incidents", body), 422).body("detail", containsString("XYZ"));
    }

    @Test
    void inventoryDownIs503Problem() {
        inventory.stubFor(WireMock.any(WireMock.urlPathMatching("/api/v1/.*")).atPriority(0)
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        problem(post("/api/v1/incidents", validBody()), 503).body("title", equalTo("Inventory service unavailable"));
        inventory.resetAll();
        inventory.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(503)));
        problem(post("/api/v1/incidents", validBody()), 503).body("title", equalTo("Inventory service unavailable"));
    }

    @Test
    void unknownIncidentIs404() {
        problem(get("/api/v1/incidents/" + UUID.randomUUID()), 404);
        problem(post("/api/v1/incidents/" + UUID.randomUUID() + "/closure", Map.of()), 404);
        problem(get("/api/v1/incidents/not-a-uuid"), 404);
    }

    @Test
    void malformedAndBoundaryBodiesAre400() {
        problem(postRaw("/api/v1/incidents", "{\"name\": "), 400);
        problem(postRaw("/api/v1/incidents", "[]"), 400);
        problem(postRaw("/api/v1/incidents", ""), 400);
        problem(postRaw("/api/v1/incidents",
                "{\"name\":\"x\",\"type\":\"METEOR\",\"countryCode\":\"TUR\",\"startedAt\":\"2023-02-06T01:17:00Z\",\"sites\":[]}"),
                400)
                .body("errors[0].field", equalTo("type"));
        problem(postRaw("/api/v1/incidents",
                "{\"name\":\"x\",\"type\":\"FLOOD\",\"countryCode\":\"TUR\",\"startedAt\":\"yesterday\",\"sites\":[]}"),
                400);
        problem(postRaw("/api/v1/incidents",
                "{\"name\":\"x\",\"type\":\"FLOOD\",\"countryCode\":\"TUR\",\"startedAt\":\"2023-02-06T01:17:00Z\",\"sites\":[{\"name\":\"a\",\"latitude\":\"north\",\"longitude\":1,\"affectedPopulation\":1}]}"),
                400);

        Map<String, Object> b = validBody();
        b.remove("name");
        problem(post("/api/v1/incidents", b), 400).body("errors.field", hasItem("name"));
        b = validBody();
        b.put("sites", List.of());
        problem(post("/api/v1/incidents", b), 400).body("errors.field", hasItem("sites"));
        b = validBody();
        b.put("countryCode", "tur");
        problem(post("/api/v1/incidents", b), 400).body("errors.field", hasItem("countryCode"));
        b = validBody();
        b.put("glide", "EQ-23-15-TUR");
        problem(post("/api/v1/incidents", b), 400).body("errors.field", hasItem("glide"));
        b = validBody();
        b.put("sites", List.of(site("Pole", 90.0001, 0, 1)));
        problem(post("/api/v1/incidents", b), 400).body("errors[0].field", containsString("latitude"));
        b = validBody();
        b.put("sites", List.of(site("Antimeridian", 0, 180.5, 1)));
        problem(post("/api/v1/incidents", b), 400).body("errors[0].field", containsString("longitude"));
        b = validBody();
        b.put("sites", List.of(site("Nobody", 0, 0, -1)));
        problem(post("/api/v1/incidents", b), 400).body("errors[0].field", containsString("affectedPopulation"));
        // boundary values that are valid
        b = validBody();
        b.put("sites", List.of(site("North pole", 90, 180, 0)));
        post("/api/v1/incidents", b).statusCode(201).body("sites[0].affectedPopulation", equalTo(0));
    }

    @Test
    void badPagingIs400() {
        problem(get("/api/v1/incidents?size=501"), 400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void locationHeaderPointsAtTheIncident() {
        String location = post("/api/v1/incidents", validBody()).statusCode(201).extract().header("Location");
        given().when().get(location).then().statusCode(200).body("id", notNullValue())
                .body("sites", hasSize(2)).body("type", equalTo("EARTHQUAKE"));
        org.hamcrest.MatcherAssert.assertThat(location, endsWith(get(location).extract().path("id")));
    }
}
