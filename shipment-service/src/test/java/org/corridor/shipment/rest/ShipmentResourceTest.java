package org.corridor.shipment.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.PostgresTestResource;
import org.corridor.shipment.support.UpstreamServicesResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(UpstreamServicesResource.class)
class ShipmentResourceTest {

    @Test
    void createsPlannedShipmentWithLocationAndReadsItBack() {
        Map<String, Object> body = anyShipment();
        String id = create(body).then().statusCode(201)
                .body("status", equalTo("PLANNED"))
                .body("stock", equalTo("RESERVED"))
                .body("reservationId", equalTo(body.get("reservationId")))
                .body("lines.size()", equalTo(2))
                .body("lines[0].itemCode", equalTo("TENT-FAMILY"))
                .body("lines[0].quantity", equalTo(100))
                .body("totalWeightKg", equalTo(5700.0f))
                .body("allowedEvents", contains("DISPATCHED", "CANCELLED"))
                .body("vehicles", equalTo(2))
                .extract().path("id");
        // a new key with the same body is a new request: a second shipment (keys, not bodies, identify retries)
        String second = create(body).then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(id, second);
        given().get("/api/v1/shipments/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("siteName", equalTo("Antakya stadium camp"))
                .body("originCountryCode", equalTo("ARE"))
                .body("mode", equalTo("ROAD"))
                .body("dispatchedAt", nullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void aShipmentMayTravelBySea() {
        Map<String, Object> body = anyShipment();
        body.put("mode", "SEA");
        body.put("vehicles", 1);
        String id = create(body).then().statusCode(201).body("mode", equalTo("SEA")).body("vehicles", equalTo(1))
                .extract().path("id");
        given().get("/api/v1/shipments/" + id).then().statusCode(200).body("mode", equalTo("SEA"));
    }

    @Test
    void locationNamesTheShipment() {
        var r = create(anyShipment());
        r.then().statusCode(201);
        String id = r.path("id");
        assertEquals(true, r.header("Location").endsWith("/api/v1/shipments/" + id));
    }

    @Test
    void sameIdempotencyKeyReplaysAndAnotherBodyIs422() {
        Map<String, Object> body = anyShipment();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/shipments").then().statusCode(201).extract().path("id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/shipments").then().statusCode(201)
                .header("Location", endsWith("/api/v1/shipments/" + first)).extract().path("id");
        assertEquals(first, again);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(anyShipment())
                .post("/api/v1/shipments").then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Idempotency key reused"));
        given().get("/api/v1/shipments?incidentId=" + body.get("incidentId")).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void idempotencyKeyIsRequired() {
        given().contentType(ContentType.JSON).body(anyShipment()).post("/api/v1/shipments").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void shipmentsOfOnePlanShareItsReservation() {
        Map<String, Object> body = anyShipment();
        String first = createId(body);
        Map<String, Object> other = anyShipment();
        other.put("reservationId", body.get("reservationId"));
        String second = createId(other);
        given().get("/api/v1/shipments/" + second).then().statusCode(200)
                .body("reservationId", equalTo(body.get("reservationId").toString()));
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
    }

    @Test
    void arrivalNotAfterDepartureIs422() {
        Map<String, Object> body = anyShipment();
        body.put("estimatedArrival", body.get("plannedDeparture"));
        create(body).then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Arrival before departure"));
    }

    @Test
    void sameLotTwiceIs422() {
        UUID lot = UUID.randomUUID();
        Map<String, Object> body = shipment(UUID.randomUUID(), UUID.randomUUID(),
                List.of(line("TENT-FAMILY", lot, 10, 550), line("TENT-FAMILY", lot, 5, 275)));
        create(body).then().statusCode(422).body("title", equalTo("Duplicate line"));
    }

    @Test
    void listFiltersByIncidentSiteAndStatus() {
        UUID incident = UUID.randomUUID();
        UUID siteA = UUID.randomUUID();
        UUID siteB = UUID.randomUUID();
        String a1 = createId(shipment(incident, siteA, List.of(line("TENT-FAMILY", UUID.randomUUID(), 10, 550))));
        String a2 = createId(shipment(incident, siteA, List.of(line("TENT-FAMILY", UUID.randomUUID(), 20, 1100))));
        String b1 = createId(shipment(incident, siteB, List.of(line("BLANKET", UUID.randomUUID(), 30, 45))));
        createId(anyShipment());
        postEvent(a2, "DISPATCHED", t(1)).then().statusCode(201);

        given().get("/api/v1/shipments?incidentId=" + incident).then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(a1, b1, a2));
        given().get("/api/v1/shipments?incidentId=" + incident + "&siteId=" + siteA).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(a1, a2));
        given().get("/api/v1/shipments?incidentId=" + incident + "&status=dispatched").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(a2));
        String plan = given().get("/api/v1/shipments/" + b1).then().extract().path("planId");
        given().get("/api/v1/shipments?planId=" + plan).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(b1));
        given().get("/api/v1/shipments?incidentId=" + incident + "&size=2&page=1").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.id", contains(a2));
    }

    @Test
    void sinceReturnsOnlyShipmentsChangedAfterIt() {
        UUID incident = UUID.randomUUID();
        String a = createId(shipment(incident, UUID.randomUUID(),
                List.of(line("TENT-FAMILY", UUID.randomUUID(), 10, 550))));
        String since = given().get("/api/v1/shipments/" + a).then().extract().path("updatedAt");
        String b = createId(shipment(incident, UUID.randomUUID(),
                List.of(line("TENT-FAMILY", UUID.randomUUID(), 10, 550))));

        given().get("/api/v1/shipments?incidentId=" + incident + "&since=" + since).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(b));

        // an event bumps updatedAt: a is changed again, and now comes after b
        postEvent(a, "DISPATCHED", t(1)).then().statusCode(201);
        String aUpdated = given().get("/api/v1/shipments/" + a).then().extract().path("updatedAt");
        assertNotEquals(since, aUpdated);
        given().get("/api/v1/shipments?incidentId=" + incident + "&since=" + since).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(b, a));
        given().get("/api/v1/shipments?incidentId=" + incident + "&since=" + aUpdated).then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
    }

    @Test
    void getAnswersIfNoneMatchWith304UntilTheShipmentChanges() {
        String id = createId(anyShipment());
        String tag = given().get("/api/v1/shipments/" + id).then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
        given().header("If-None-Match", tag).get("/api/v1/shipments/" + id).then().statusCode(304);
        postEvent(id, "DISPATCHED", t(1)).then().statusCode(201);
        String newTag = given().header("If-None-Match", tag).get("/api/v1/shipments/" + id).then().statusCode(200)
                .body("status", equalTo("DISPATCHED")).extract().header("ETag");
        assertNotEquals(tag, newTag);
        given().header("If-None-Match", newTag).get("/api/v1/shipments/" + id).then().statusCode(304);
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/shipments/{id}/events'.post.operationId", equalTo("postShipmentEvent"))
                .body("paths.'/api/v1/incidents/{id}/delivery-summary'.get.responses.'304'.description",
                        notNullValue());
    }

    @Test
    void listAnswersIfNoneMatchWith304UntilAShipmentChanges() {
        UUID incident = UUID.randomUUID();
        String id = createId(shipment(incident, UUID.randomUUID(),
                List.of(line("TENT-FAMILY", UUID.randomUUID(), 10, 550))));
        String url = "/api/v1/shipments?incidentId=" + incident;
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).get(url).then().statusCode(304);
        postEvent(id, "CANCELLED", t(1)).then().statusCode(201);
        given().header("If-None-Match", tag).get(url).then().statusCode(200)
                .body("items[0].status", equalTo("CANCELLED"));
    }
}
