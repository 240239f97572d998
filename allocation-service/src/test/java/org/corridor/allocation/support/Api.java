package org.corridor.allocation.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/** Small REST helpers shared by the tests. */
public final class Api {

    private Api() {
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse postRaw(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse get(String path) {
        return given().when().get(path).then();
    }

    public static Map<String, Object> site(String name, double lat, double lon, int population) {
        return Map.of("name", name, "latitude", lat, "longitude", lon, "affectedPopulation", population);
    }

    /** Creates an OPEN incident and returns its JSON as a map (id, sites[..].id ...). */
    public static Map<String, Object> incident(String name, String country, List<Map<String, Object>> sites) {
        return post("/api/v1/incidents", Map.of("name", name, "type", "EARTHQUAKE", "countryCode", country,
                "startedAt", "2023-02-06T01:17:00Z", "sites", sites))
                .statusCode(201).extract().jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    public static String siteId(Map<String, Object> incident, int index) {
        return (String) ((List<Map<String, Object>>) incident.get("sites")).get(index).get("id");
    }

    public static String need(String incidentId, String siteId, String itemCode, int quantity, String priority) {
        return post("/api/v1/incidents/" + incidentId + "/needs", Map.of("siteId", siteId, "itemCode", itemCode,
                "quantity", quantity, "priority", priority, "deliverBy", "2023-02-12T00:00:00Z"))
                .statusCode(201).extract().path("id");
    }

    public static String teamNeed(String incidentId, String siteId, String teamType, int count) {
        return post("/api/v1/incidents/" + incidentId + "/team-needs", Map.of("siteId", siteId, "teamType", teamType,
                "count", count, "neededBy", "2023-02-08T00:00:00Z"))
                .statusCode(201).extract().path("id");
    }

    /** Asserts the answer is an RFC 9457 problem with that status. */
    public static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }
}
