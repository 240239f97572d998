package org.corridor.shipment.service;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.shipment.support.InjectWireMock;
import org.junit.jupiter.api.Test;

/**
 * A re-plan's approval hands a PLANNED shipment's units over to the re-plan's reservation in inventory-service, then
 * cancels the shipment with {@code stockHandedOverTo}: the cancellation must release nothing (the units are the
 * re-plan's now) and record where they went. inventory-service is the tests' WireMock: every call it gets is logged.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class HandOverCancellationTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Test
    void aHandedOverCancellationReleasesNothingAndRecordsWhereTheUnitsWent() throws Exception {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        String replan = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Map<String, Object> cancel = handOver(t(0), replan);

        Response event = postWithKey(id, key, cancel).then().statusCode(201)
                .body("type", equalTo("CANCELLED")).body("fromStatus", equalTo("PLANNED"))
                .body("stockEffect", equalTo("STOCK_HANDED_OVER"))
                .body("stockHandedOverTo", equalTo(replan)).extract().response();
        getShipment(id).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("allowedEvents", empty())
                .body("reservationId", equalTo(reservation))
                .body("stock", equalTo("HANDED_OVER"))
                .body("stockSettlement.operation", equalTo("HAND_OVER"))
                .body("stockSettlement.handedOverTo", equalTo(replan))
                .body("stockSettlement.reference", nullValue())
                .body("stockSettlement.attempts", equalTo(1))
                .body("stockSettlement.nextAttemptAt", nullValue())
                .body("stockSettlement.settledAt", notNullValue())
                .body("stockSettlement.note", containsString("held by reservation " + replan))
                .body("stockSettlement.note", containsString("nothing was released"));
        given().get("/api/v1/shipments/" + id + "/events").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].stockHandedOverTo", equalTo(replan));

        // a retry, with the key or as a repeat of the latest event, answers the same event and does nothing more
        postWithKey(id, key, cancel).then().statusCode(201).body("id", equalTo(event.path("id")));
        postEvent(id, cancel).then().statusCode(200).body("id", equalTo(event.path("id")))
                .body("stockHandedOverTo", equalTo(replan));
        // the same cancellation without the hand-over is another event, which cannot follow CANCELLED
        postEvent(id, "CANCELLED", t(0)).then().statusCode(409).body("title", equalTo("Illegal transition"));
        // nothing to retry: not pending, not refused
        given().post("/api/v1/shipments/" + id + "/stock-settlement").then().statusCode(409)
                .body("title", equalTo("Nothing to settle")).body("extensions.stock", equalTo("HANDED_OVER"));

        // inventory-service was never asked to settle the reservation, not even by the background retries
        Thread.sleep(2500);
        assertEquals(0, inventoryCallsFor(reservation));
        getShipment(id).then().body("stock", equalTo("HANDED_OVER")).body("stockSettlement.attempts", equalTo(1));
    }

    @Test
    void theHandOverIsRefusedOnAnyOtherEventType() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        for (String type : new String[]{"DISPATCHED", "LOST", "IN_TRANSIT"}) {
            Map<String, Object> e = event(type, t(0));
            e.put("stockHandedOverTo", UUID.randomUUID().toString());
            postEvent(id, e).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("stockHandedOverTo is only for a CANCELLED event"))
                    .body("detail", containsString(type));
        }
        getShipment(id).then().body("status", equalTo("PLANNED")).body("stock", equalTo("RESERVED"))
                .body("stockSettlement", nullValue());
        given().get("/api/v1/shipments/" + id + "/events").then().body("items", empty());
        assertEquals(0, inventoryCallsFor(reservation));
    }

    @Test
    void aDispatchedShipmentCannotHaveHandedItsUnitsOver() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(201);
        int consumed = inventoryCallsFor(reservation);

        postEvent(id, handOver(t(1), UUID.randomUUID().toString())).then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Stock cannot be handed over"))
                .body("detail", containsString("is DISPATCHED"))
                .body("extensions.currentStatus", equalTo("DISPATCHED"))
                .body("extensions.stock", equalTo("ISSUED"));
        getShipment(id).then().body("status", equalTo("DISPATCHED")).body("stock", equalTo("ISSUED"));
        given().get("/api/v1/shipments/" + id + "/events").then().body("items", hasSize(1));
        // the way out is the plain cancellation (a recall)
        postEvent(id, "CANCELLED", t(1)).then().statusCode(201).body("stockEffect", equalTo("RECALL_RECORDED"))
                .body("stockHandedOverTo", nullValue());
        assertEquals(consumed, inventoryCallsFor(reservation));
    }

    @Test
    void theUnitsMayStayInTheShipmentsOwnReservationForTheRePlan() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        postEvent(id, handOver(t(0), reservation)).then().statusCode(201)
                .body("stockEffect", equalTo("STOCK_HANDED_OVER")).body("stockHandedOverTo", equalTo(reservation));
        getShipment(id).then().body("status", equalTo("CANCELLED")).body("stock", equalTo("HANDED_OVER"))
                .body("stockSettlement.handedOverTo", equalTo(reservation));
        assertEquals(0, inventoryCallsFor(reservation));
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> handOver(java.time.Instant at, String reservationId) {
        Map<String, Object> e = event("CANCELLED", at);
        e.put("stockHandedOverTo", reservationId);
        return e;
    }

    private static Response postWithKey(String id, String key, Map<String, Object> event) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(event)
                .post("/api/v1/shipments/" + id + "/events");
    }

    /** Settlements (release or consume) inventory-service was asked for on the reservation. */
    private int inventoryCallsFor(String reservation) {
        return wireMock.findAll(postRequestedFor(urlMatching("/api/v1/reservations/" + reservation + "/.*"))).size();
    }
}
