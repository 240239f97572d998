package org.corridor.inventory.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates organisations, depots, lots, teams and stock movements through the public API, with unique codes per call.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String organisation(String type, String country) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", unique("Org"), "type", type, "countryCode", country))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    public static String organisation() {
        return organisation("UN_AGENCY", "ITA");
    }

    public static String depot(String country, String organisationId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", unique("DEP"), "name", "Depot " + country, "countryCode", country,
                        "latitude", 40.63, "longitude", 17.94, "organisationId", organisationId, "kind", "UN_HUB"))
                .post("/api/v1/depots").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> receipt(String itemCode, long quantity, String donorId) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", itemCode);
        body.put("quantity", quantity);
        body.put("lotCode", unique("LOT"));
        body.put("donorOrganisationId", donorId);
        body.put("expiresOn", LocalDate.now().plusYears(1).toString());
        return body;
    }

    public static Response receive(String depotId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/depots/{id}/receipts", depotId);
    }

    /** A fresh lot of family tents with {@code quantity} on hand, in a fresh depot. */
    public static String lot(long quantity) {
        String org = organisation();
        String depot = depot("ITA", org);
        return receive(depot, receipt("SHL-TENT-FAMILY", quantity, org)).then().statusCode(201).extract().path("lotId");
    }

    public static Response reserve(String key, String reference, List<Map<String, Object>> lines) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("reference", reference, "lines", lines))
                .post("/api/v1/reservations");
    }

    public static Map<String, Object> line(String lotId, long quantity) {
        return Map.of("lotId", lotId, "quantity", quantity);
    }

    public static Response lotBalance(String lotId) {
        return given().get("/api/v1/stock/lots/{id}", lotId).then().statusCode(200).extract().response();
    }

    /** The body of a team registration of {@code type} fielded by {@code org}. */
    public static Map<String, Object> team(String org, String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("USAR Team"));
        body.put("countryCode", "ITA");
        body.put("organisationId", org);
        body.put("type", type);
        body.put("members", 59);
        body.put("baseLatitude", 41.8);
        body.put("baseLongitude", 12.25);
        body.put("mobilisationHours", 10);
        body.put("selfSufficiencyDays", 10);
        return body;
    }

    /** Registers a team; answers its id. */
    public static String createTeam(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/teams").then().statusCode(201)
                .header("Location", notNullValue()).extract().path("id");
    }

    public static Response adjust(String lotId, long delta, String reason) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("lotId", lotId, "delta", delta, "reason", reason, "note", "test"))
                .post("/api/v1/stock/adjustments");
    }

    public static Response reverse(String entryId) {
        return given().contentType(ContentType.JSON).body(Map.of("ledgerEntryId", entryId, "note", "mistake"))
                .post("/api/v1/stock/reversals");
    }

    public static List<Map<String, Object>> ledgerOf(String lotId) {
        return given().get("/api/v1/stock/ledger?size=500&lotId=" + lotId).then().statusCode(200).extract()
                .path("items");
    }
}
