package org.corridor.shipment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.shipment.support.InjectWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No size cliffs: a shipment of 1 to 5,000 lines is created, read back, dispatched and cancelled, and each dispatch or
 * cancellation reaches inventory-service as one settlement carrying exactly the shipment's own lines, whatever their
 * number (inventory settles up to 10,000 lines at once; see {@code InventorySettlements}).
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class LargeShipmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer wireMock;

    @ParameterizedTest(name = "{0} lines")
    @ValueSource(ints = {1, 200, 201, 1000})
    void createDispatchAndCancelSettleAllLinesInOneRequest(int n) {
        UUID incident = UUID.randomUUID();
        List<Map<String, Object>> dispatchedLines = manyLines(n);
        Map<String, Object> dispatched = shipment(incident, UUID.randomUUID(), dispatchedLines);
        // a second shipment of the same plan, sharing its reservation, cancelled before dispatch
        List<Map<String, Object>> cancelledLines = manyLines(n);
        Map<String, Object> cancelled = shipment(incident, UUID.randomUUID(), cancelledLines);
        cancelled.put("planId", dispatched.get("planId"));
        cancelled.put("reservationId", dispatched.get("reservationId"));
        String reservation = (String) dispatched.get("reservationId");

        String a = create(dispatched).then().statusCode(201)
                .body("status", equalTo("PLANNED")).body("stock", equalTo("RESERVED"))
                .body("stockSettlement", nullValue())
                .body("lines.size()", equalTo(n))
                .body("totalWeightKg", equalTo((float) totalWeight(dispatchedLines)))
                .extract().path("id");
        String b = createId(cancelled);
        getShipment(a).then().statusCode(200)
                .body("lines.lotId", equalTo(field(dispatchedLines, "lotId")))
                .body("lines.quantity", equalTo(field(dispatchedLines, "quantity")))
                .body("lines.itemCode", equalTo(field(dispatchedLines, "itemCode")));

        postEvent(a, "DISPATCHED", t(0)).then().statusCode(201).body("stockEffect", equalTo("RESERVATION_CONSUMED"));
        assertOneSettlement(reservation, "consume", "shipment-" + a + "-consume", dispatchedLines);
        getShipment(a).then().body("status", equalTo("DISPATCHED")).body("stock", equalTo("ISSUED"))
                .body("stockSettlement.operation", equalTo("CONSUME"))
                .body("stockSettlement.reference", equalTo("shipment-" + a + "-consume"))
                .body("stockSettlement.attempts", equalTo(1))
                .body("stockSettlement.settledAt", notNullValue())
                .body("stockSettlement.note", containsString(n + " line(s) (" + units(dispatchedLines) + " units)"));

        postEvent(b, "CANCELLED", t(0)).then().statusCode(201).body("stockEffect", equalTo("RESERVATION_RELEASED"));
        assertOneSettlement(reservation, "release", "shipment-" + b + "-release", cancelledLines);
        getShipment(b).then().body("status", equalTo("CANCELLED")).body("stock", equalTo("RELEASED"))
                .body("stockSettlement.operation", equalTo("RELEASE"))
                .body("stockSettlement.nextAttemptAt", nullValue())
                .body("stockSettlement.note", containsString("gave back all the shipment's " + n + " line(s)"));
        // the dispatched shipment's lines were not released, the cancelled one's not consumed
        getShipment(a).then().body("stock", equalTo("ISSUED"));
    }

    @Test
    void theLargestShipmentOf5000LinesIsCreatedAndDispatchedAnd5001AreRefused() {
        List<Map<String, Object>> lines = manyLines(5000);
        Map<String, Object> body = shipment(UUID.randomUUID(), UUID.randomUUID(), lines);
        String id = create(body).then().statusCode(201).body("lines.size()", equalTo(5000)).extract().path("id");
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(201);
        assertOneSettlement((String) body.get("reservationId"), "consume", "shipment-" + id + "-consume", lines);

        Map<String, Object> tooMany = shipment(UUID.randomUUID(), UUID.randomUUID(), manyLines(5001));
        create(tooMany).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lines"))
                .body("errors.message", hasItem("must have between 1 and 5000 lines"));
        given().get("/api/v1/shipments?planId=" + tooMany.get("planId")).then().body("total", equalTo(0));
    }

    @Test
    void aThousandLineShipmentIsDeliveredWithItsProof() {
        List<Map<String, Object>> lines = manyLines(1000);
        Map<String, Object> body = shipment(UUID.randomUUID(), UUID.randomUUID(), lines);
        String id = createId(body);
        drive(id, 0, "DISPATCHED", "IN_TRANSIT", "ARRIVED");
        List<Map<String, Object>> proof = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> l = lines.get(i);
            int q = (Integer) l.get("quantity");
            int r = i % 10 == 0 ? 1 : 0;
            rejected += r;
            proof.add(podLine((String) l.get("itemCode"), l.get("lotId"), q - r, r, r > 0 ? "Crushed" : null));
        }
        postPod(id, pod(t(10), proof)).then().statusCode(201)
                .body("lines.size()", equalTo(1000))
                .body("totalRejected", equalTo(rejected))
                .body("totalAccepted", equalTo(units(lines) - rejected));
        given().get("/api/v1/shipments?planId=" + body.get("planId")).then().statusCode(200)
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].lines.size()", equalTo(1000))
                .body("items[0].lines[0].rejected", equalTo(1))
                .body("items[0].lines[0].rejectionReason", equalTo("Crushed"))
                .body("items[0].lines[1].rejected", equalTo(0))
                .body("items[0].lines[1].accepted", equalTo(lines.get(1).get("quantity")));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Inventory was asked for one settlement of this kind for the reservation, naming every line once. A call that
     * outlives the client's timeout is retried (a 5,000-line body on a busy machine can), so there may be more than one
     * request; each must then be the same request under the same reference, which inventory settles once.
     */
    private void assertOneSettlement(String reservation, String operation, String reference,
            List<Map<String, Object>> lines) {
        List<LoggedRequest> calls = wireMock.findAll(
                postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/" + operation)));
        assertFalse(calls.isEmpty(), operation + " calls");
        for (LoggedRequest call : calls) {
            assertEquals(reference, call.getHeader("Idempotency-Key"), "every attempt carries the same key");
            assertEquals(calls.get(0).getBodyAsString(), call.getBodyAsString(), "a retry repeats the same request");
        }
        JsonNode sent = parse(calls.get(0).getBodyAsString());
        assertEquals(reference, sent.path("reference").asText());
        assertEquals(lines.size(), sent.path("lines").size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(lines.get(i).get("lotId"), sent.path("lines").get(i).path("lotId").asText(), "line " + i);
            assertEquals(((Integer) lines.get(i).get("quantity")).longValue(),
                    sent.path("lines").get(i).path("quantity").asLong(), "line " + i);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Object> field(List<Map<String, Object>> lines, String name) {
        return lines.stream().map(l -> l.get(name)).toList();
    }

    private static int units(List<Map<String, Object>> lines) {
        return lines.stream().mapToInt(l -> (Integer) l.get("quantity")).sum();
    }

    private static double totalWeight(List<Map<String, Object>> lines) {
        return lines.stream().mapToDouble(l -> (Double) l.get("weightKg")).sum();
    }
}
