package org.corridor.shipment.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client mistakes on every endpoint answer an RFC 9457 problem, never a 500: malformed, wrong-typed, missing and
 * out-of-range values (400, naming the field), ids that are unknown or not UUIDs (404), bad list parameters (400); and
 * the boundary values are accepted.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class BadInputTest {

    // ---------------------------------------------------------------- POST /shipments and GET /shipments

    static Stream<Arguments> invalidShipments() {
        return Stream.of(
                Arguments.of("planId", null, "planId"),
                Arguments.of("originDepotId", "not-a-uuid", "originDepotId"),
                Arguments.of("siteId", null, "siteId"),
                Arguments.of("incidentId", 42, "incidentId"),
                Arguments.of("mode", "SHIP", "mode"),
                Arguments.of("mode", null, "mode"),
                Arguments.of("vehicles", 0, "vehicles"),
                Arguments.of("vehicles", 1001, "vehicles"),
                Arguments.of("vehicles", "two", "vehicles"),
                Arguments.of("lines", List.of(), "lines"),
                Arguments.of("lines", null, "lines"),
                Arguments.of("lines", "TENT", "lines"),
                Arguments.of("plannedDeparture", "tomorrow", "plannedDeparture"),
                Arguments.of("estimatedArrival", null, "estimatedArrival"),
                Arguments.of("reservationId", null, "reservationId"),
                Arguments.of("originCountryCode", "TR", "originCountryCode"),
                Arguments.of("destinationCountryCode", "tur", "destinationCountryCode"),
                Arguments.of("siteName", "x".repeat(201), "siteName"));
    }

    @ParameterizedTest
    @MethodSource("invalidShipments")
    void invalidShipmentFieldIs400(String field, Object value, String reported) {
        Map<String, Object> body = anyShipment();
        body.put(field, value);
        create(body).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(reported));
    }

    static Stream<Arguments> invalidLines() {
        return Stream.of(
                Arguments.of("quantity", 0, "lines[0].quantity"),
                Arguments.of("quantity", -5, "lines[0].quantity"),
                Arguments.of("quantity", null, "lines[0].quantity"),
                Arguments.of("quantity", 1.5, "lines[0].quantity"),
                Arguments.of("weightKg", -0.1, "lines[0].weightKg"),
                Arguments.of("weightKg", null, "lines[0].weightKg"),
                Arguments.of("itemCode", "", "lines[0].itemCode"),
                Arguments.of("itemCode", null, "lines[0].itemCode"),
                Arguments.of("lotId", "lot-1", "lines[0].lotId"));
    }

    @ParameterizedTest
    @MethodSource("invalidLines")
    void invalidLineIs400(String field, Object value, String reported) {
        Map<String, Object> l = new LinkedHashMap<>(line("TENT-FAMILY", UUID.randomUUID(), 10, 550));
        l.put(field, value);
        Map<String, Object> body = shipment(UUID.randomUUID(), UUID.randomUUID(), List.of(l));
        create(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(reported));
    }

    @Test
    void boundaryValuesAreAccepted() {
        Map<String, Object> l = line("TENT-FAMILY", UUID.randomUUID(), 1, 0.0);
        Map<String, Object> body = shipment(UUID.randomUUID(), UUID.randomUUID(), List.of(l));
        body.put("vehicles", 1);
        body.remove("siteName");
        body.remove("originCountryCode");
        body.remove("destinationCountryCode");
        body.remove("vehicles");
        create(body).then().statusCode(201).body("lines[0].quantity", equalTo(1)).body("vehicles", nullValue());
    }

    @Test
    void malformedBodiesAre400() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"planId\": ")
                .post("/api/v1/shipments").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("[1,2]")
                .post("/api/v1/shipments").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .post("/api/v1/shipments").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"lines\": [null]}")
                .post("/api/v1/shipments").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> body = anyShipment();
        body.put("lines", List.of(line("TENT-FAMILY", UUID.randomUUID(), 10, 550)));
        String json = toJson(body).replace("\"quantity\":10", "\"quantity\":3000000000");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(json)
                .post("/api/v1/shipments").then().statusCode(400).contentType("application/problem+json");
    }

    private static String toJson(Object o) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badListParametersAre400() {
        given().get("/api/v1/shipments?incidentId=nope").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("incidentId"));
        given().get("/api/v1/shipments?status=FLYING").then().statusCode(400).body("detail", containsString("status"));
        given().get("/api/v1/shipments?since=yesterday").then().statusCode(400).body("detail", containsString("since"));
        given().get("/api/v1/shipments?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/v1/shipments?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    // ---------------------------------------------------------------- ids in the path

    @Test
    void unknownAndMalformedIdsAre404() {
        given().get("/api/v1/shipments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Shipment not found"));
        given().get("/api/v1/shipments/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/shipments/" + UUID.randomUUID() + "/events").then().statusCode(404);
        given().get("/api/v1/shipments/" + UUID.randomUUID() + "/proof-of-delivery").then().statusCode(404);
    }

    @Test
    void malformedIdsAnswerTheProblemOfAnUnknownOne() {
        notFound("/api/v1/shipments/not-a-uuid", "Shipment");
        notFound("/api/v1/shipments/not-a-uuid/events", "Shipment");
        notFound("/api/v1/shipments/not-a-uuid/proof-of-delivery", "Shipment");
        notFound("/api/v1/shipments/" + UUID.randomUUID() + "/events/not-a-uuid", "Event");
        notFound("/api/v1/incidents/not-a-uuid/delivery-summary", "Incident");
        postEvent("not-a-uuid", "DISPATCHED", t(0)).then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Shipment not found"));
    }

    private static void notFound(String path, String what) {
        given().get(path).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://corridor.example/problems/not-found"))
                .body("title", equalTo(what + " not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo(what + " not-a-uuid does not exist"))
                .body("instance", equalTo(path));
    }

    @Test
    void eventOnUnknownShipmentIs404() {
        postEvent(UUID.randomUUID().toString(), "DISPATCHED", t(0)).then().statusCode(404)
                .contentType("application/problem+json");
        postEvent("not-a-uuid", "DISPATCHED", t(0)).then().statusCode(404);
    }

    // ---------------------------------------------------------------- POST /shipments/{id}/events

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                Arguments.of("type", null, "type"),
                Arguments.of("type", "TELEPORTED", "type"),
                Arguments.of("type", 3, "type"),
                Arguments.of("at", null, "at"),
                Arguments.of("at", "last tuesday", "at"),
                Arguments.of("location", "x".repeat(201), "location"),
                Arguments.of("note", "x".repeat(1001), "note"),
                Arguments.of("latitude", 90.5, "latitude"),
                Arguments.of("longitude", -180.5, "longitude"),
                Arguments.of("latitude", "north", "latitude"));
    }

    @ParameterizedTest
    @MethodSource("invalidEvents")
    void invalidEventIs400(String field, Object value, String reported) {
        String id = createId(anyShipment());
        Map<String, Object> e = event("DISPATCHED", t(0));
        e.put(field, value);
        postEvent(id, e).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(reported));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(0));
    }

    @Test
    void malformedEventBodiesAre400() {
        String id = createId(anyShipment());
        for (String body : List.of("{\"type\":", "\"DISPATCHED\"", "{}", "null")) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments/" + id + "/events").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).post("/api/v1/shipments/" + id + "/events").then().statusCode(400);
        Map<String, Object> boundary = event("DISPATCHED", t(0));
        boundary.put("latitude", -90);
        boundary.put("longitude", 180);
        boundary.put("location", "x".repeat(200));
        postEvent(id, boundary).then().statusCode(201);
    }

    // ---------------------------------------------------------------- POST /shipments/{id}/proof-of-delivery

    static Stream<Arguments> invalidProofs() {
        return Stream.of(
                Arguments.of("receivedBy", null, "receivedBy"),
                Arguments.of("receivedBy", " ", "receivedBy"),
                Arguments.of("receivedBy", "x".repeat(201), "receivedBy"),
                Arguments.of("receivedAt", null, "receivedAt"),
                Arguments.of("receivedAt", "2026-13-01", "receivedAt"),
                Arguments.of("lines", List.of(), "lines"),
                Arguments.of("lines", null, "lines"),
                Arguments.of("lines", Map.of(), "lines"));
    }

    @ParameterizedTest
    @MethodSource("invalidProofs")
    void invalidProofIs400(String field, Object value, String reported) {
        String id = arrived();
        Map<String, Object> body = new LinkedHashMap<>(partialPod(t(10)));
        body.put(field, value);
        postPod(id, body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(reported));
    }

    static Stream<Arguments> invalidProofLines() {
        return Stream.of(
                Arguments.of("accepted", -1, "lines[0].accepted"),
                Arguments.of("accepted", null, "lines[0].accepted"),
                Arguments.of("accepted", 1.5, "lines[0].accepted"),
                Arguments.of("rejected", -1, "lines[0].rejected"),
                Arguments.of("rejected", "five", "lines[0].rejected"),
                Arguments.of("itemCode", "", "lines[0].itemCode"),
                Arguments.of("lotId", null, "lines[0].lotId"),
                Arguments.of("rejectionReason", "x".repeat(501), "lines[0].rejectionReason"));
    }

    @ParameterizedTest
    @MethodSource("invalidProofLines")
    void invalidProofLineIs400(String field, Object value, String reported) {
        String id = arrived();
        Map<String, Object> l = new LinkedHashMap<>(podLine("TENT-FAMILY", TENT_LOT, 95, 5, "Torn canvas"));
        l.put(field, value);
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(l);
        lines.add(podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null));
        postPod(id, pod(t(10), lines)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(reported));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void malformedProofBodiesAre400() {
        String id = arrived();
        for (String body : List.of("{\"receivedBy\":", "[]", "{}", "null")) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments/" + id + "/proof-of-delivery")
                    .then()
                    .statusCode(400).contentType("application/problem+json");
        }
        postPod(UUID.randomUUID().toString(), partialPod(t(10))).then().statusCode(404);
    }
}
