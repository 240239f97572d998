package org.corridor.shipment.service;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ProofOfDeliveryTest {

    @Test
    void recordsProofMovesToDeliveredAndAppendsTheEvent() {
        String id = arrived();
        postPod(id, partialPod(t(10))).then().statusCode(201)
                .header("Location", containsString("/api/v1/shipments/" + id + "/proof-of-delivery"))
                .body("shipmentId", equalTo(id))
                .body("receivedBy", equalTo("Ayşe Demir, camp manager"))
                .body("receivedAt", equalTo(t(10).toString()))
                .body("totalAccepted", equalTo(135))
                .body("totalRejected", equalTo(5))
                .body("lines[0].shipped", equalTo(100))
                .body("lines[0].rejectionReason", equalTo("Torn canvas"))
                .body("lines[1].rejectionReason", nullValue());
        given().get("/api/v1/shipments/" + id).then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("receivedAt", equalTo(t(10).toString()))
                .body("lines[0].accepted", equalTo(95))
                .body("lines[0].rejected", equalTo(5))
                .body("allowedEvents.size()", equalTo(0));
        given().get("/api/v1/shipments/" + id + "/events").then()
                .body("total", equalTo(4))
                .body("items[3].type", equalTo("DELIVERED"))
                .body("items[3].fromStatus", equalTo("ARRIVED"))
                .body("items[3].at", equalTo(t(10).toString()))
                .body("items[3].note", containsString("accepted 135, rejected 5"));
        given().get("/api/v1/shipments/" + id + "/proof-of-delivery").then().statusCode(200)
                .body("totalRejected", equalTo(5));
    }

    @Test
    void sameProofAgainGetsTheSameAnswerAndADifferentOneIs409() {
        String id = arrived();
        String recordedAt = postPod(id, partialPod(t(10))).then().statusCode(201).extract().path("recordedAt");
        postPod(id, partialPod(t(10))).then().statusCode(201).body("recordedAt", equalTo(recordedAt))
                .body("totalRejected", equalTo(5));
        postPod(id, fullPod(id, t(10))).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Proof of delivery already recorded"));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(4));
        given().get("/api/v1/shipments/" + id).then().body("lines[0].accepted", equalTo(95));
    }

    @Test
    void proofBeforeArrivalIs409WithTheAllowedEvents() {
        String id = createId(anyShipment());
        drive(id, 0, "DISPATCHED", "IN_TRANSIT");
        postPod(id, fullPod(id, t(5))).then().statusCode(409).contentType("application/problem+json")
                .body("extensions.currentStatus", equalTo("IN_TRANSIT"))
                .body("extensions.allowed", hasItem("ARRIVED"))
                .body("detail", containsString("ARRIVED"));
        given().get("/api/v1/shipments/" + id + "/proof-of-delivery").then().statusCode(404)
                .body("title", equalTo("Proof of delivery not found"));
    }

    @Test
    void proofOfACancelledShipmentIs409() {
        String id = createId(anyShipment());
        postEvent(id, "CANCELLED", t(0)).then().statusCode(201);
        postPod(id, fullPod(id, t(5))).then().statusCode(409).body("extensions.currentStatus", equalTo("CANCELLED"));
    }

    @Test
    void quantitiesMustAddUpToWhatWasShipped() {
        String id = arrived();
        postPod(id, pod(t(10), List.of(
                podLine("TENT-FAMILY", TENT_LOT, 95, 0, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Quantities do not add up"))
                .body("detail", containsString("lines[0]"));
        postPod(id, pod(t(10), List.of(
                podLine("TENT-FAMILY", TENT_LOT, 100, 1, "extra"), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422);
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void rejectionNeedsAReason() {
        String id = arrived();
        postPod(id, pod(t(10), List.of(
                podLine("TENT-FAMILY", TENT_LOT, 95, 5, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).body("title", equalTo("Rejection reason required"))
                .body("detail", containsString("lines[0].rejectionReason"));
        postPod(id, pod(t(10), List.of(
                podLine("TENT-FAMILY", TENT_LOT, 95, 5, "  "), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422);
    }

    @Test
    void everyShippedLineExactlyOnce() {
        String id = arrived();
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 100, 0, null))))
                .then().statusCode(422).body("title", equalTo("Missing line"));
        postPod(id, pod(t(10), List.of(
                podLine("TENT-FAMILY", TENT_LOT, 100, 0, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null),
                podLine("BLANKET", UUID.randomUUID(), 1, 0, null))))
                .then().statusCode(422).body("title", equalTo("Unknown line"));
        postPod(id, pod(t(10), List.of(
                podLine("TENT-FAMILY", TENT_LOT, 100, 0, null), podLine("TENT-FAMILY", TENT_LOT, 100, 0, null),
                podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).body("title", equalTo("Duplicate line"));
        // right lot, wrong item code
        postPod(id, pod(t(10), List.of(
                podLine("TENT-SMALL", TENT_LOT, 100, 0, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).body("title", equalTo("Unknown line"));
    }

    @Test
    void receivedBeforeTheLastEventOrInTheFutureIs422() {
        String id = arrived();
        postPod(id, partialPod(t(1))).then().statusCode(422).body("title", equalTo("Event out of order"));
        postPod(id, partialPod(Instant.now().plusSeconds(3 * 3600))).then().statusCode(422)
                .body("title", equalTo("Event in the future"));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void zeroAcceptedEverythingRejectedIsAValidProof() {
        String id = arrived();
        postPod(id, pod(t(10), List.of(
                podLine("TENT-FAMILY", TENT_LOT, 0, 100, "Wrong item"),
                podLine("HYGIENE-KIT", KIT_LOT, 0, 40, "Expired"))))
                .then().statusCode(201).body("totalAccepted", equalTo(0)).body("totalRejected", equalTo(140));
    }
}
