package org.corridor.inventory;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates organisations, depots and lots through the public API, with unique codes per call. */
final class Fixtures {

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String organisation(String type, String country) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", unique("Org"), "type", type, "countryCode", country))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    static String organisation() {
        return organisation("UN_AGENCY", "ITA");
    }

    static String depot(String country, String organisationId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", unique("DEP"), "name", "Depot " + country, "countryCode", country,
                        "latitude", 40.63, "longitude", 17.94, "organisationId", organisationId, "kind", "UN_HUB"))
                .post("/api/v1/depots").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> receipt(String itemCode, long quantity, String donorId) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", itemCode);
        body.put("quantity", quantity);
        body.put("lotCode", unique("LOT"));
        body.put("donorOrganisationId", donorId);
        body.put("expiresOn", LocalDate.now().plusYears(1).toString());
        return body;
    }

    static Response receive(String depotId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/depots/{id}/receipts", depotId);
    }

    /** A fresh lot of family tents with {@code quantity} on hand, in a fresh depot. */
    static String lot(long quantity) {
        String org = organisation();
        String depot = depot("ITA", org);
        return receive(depot, receipt("SHL-TENT-FAMILY", quantity, org)).then().statusCode(201).extract().path("lotId");
    }

    static Response reserve(String key, String reference, List<Map<String, Object>> lines) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("reference", reference, "lines", lines))
                .post("/api/v1/reservations");
    }

    static Map<String, Object> line(String lotId, long quantity) {
        return Map.of("lotId", lotId, "quantity", quantity);
    }

    static Response lotBalance(String lotId) {
        return given().get("/api/v1/stock/lots/{id}", lotId).then().statusCode(200).extract().response();
    }
}
