package org.corridor.shipment;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Instant;
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

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ProofOfDeliveryTest {

    static final UUID TENT_LOT = UUID.randomUUID();
    static final UUID KIT_LOT = UUID.randomUUID();

    /** A shipment of 100 tents and 40 hygiene kits, ARRIVED at minute 3. */
    static String arrived() {
        String id = createId(shipment(UUID.randomUUID(), UUID.randomUUID(),
                List.of(line("TENT-FAMILY", TENT_LOT, 100, 5500), line("HYGIENE-KIT", KIT_LOT, 40, 200))));
        drive(id, 0, "DISPATCHED", "IN_TRANSIT", "ARRIVED");
        return id;
    }

    static Map<String, Object> partial(Instant at) {
        return pod(at, List.of(podLine("TENT-FAMILY", TENT_LOT, 95, 5, "Torn canvas"), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null)));
    }

    @Test
    void recordsProofMovesToDeliveredAndAppendsTheEvent() {
        String id = arrived();
        postPod(id, partial(t(10))).then().statusCode(201)
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
        given().get("/api/v1/shipments/" + id + "/proof-of-delivery").then().statusCode(200).body("totalRejected", equalTo(5));
    }

    @Test
    void sameProofAgainGetsTheSameAnswerAndADifferentOneIs409() {
        String id = arrived();
        String recordedAt = postPod(id, partial(t(10))).then().statusCode(201).extract().path("recordedAt");
        postPod(id, partial(t(10))).then().statusCode(201).body("recordedAt", equalTo(recordedAt)).body("totalRejected", equalTo(5));
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
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 95, 0, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Quantities do not add up"))
                .body("detail", containsString("lines[0]"));
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 100, 1, "extra"), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422);
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void rejectionNeedsAReason() {
        String id = arrived();
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 95, 5, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).body("title", equalTo("Rejection reason required"))
                .body("detail", containsString("lines[0].rejectionReason"));
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 95, 5, "  "), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422);
    }

    @Test
    void everyShippedLineExactlyOnce() {
        String id = arrived();
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 100, 0, null))))
                .then().statusCode(422).body("title", equalTo("Missing line"));
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 100, 0, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null),
                podLine("BLANKET", UUID.randomUUID(), 1, 0, null))))
                .then().statusCode(422).body("title", equalTo("Unknown line"));
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 100, 0, null), podLine("TENT-FAMILY", TENT_LOT, 100, 0, null),
                podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).body("title", equalTo("Duplicate line"));
        // right lot, wrong item code
        postPod(id, pod(t(10), List.of(podLine("TENT-SMALL", TENT_LOT, 100, 0, null), podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null))))
                .then().statusCode(422).body("title", equalTo("Unknown line"));
    }

    @Test
    void receivedBeforeTheLastEventOrInTheFutureIs422() {
        String id = arrived();
        postPod(id, partial(t(1))).then().statusCode(422).body("title", equalTo("Event out of order"));
        postPod(id, partial(Instant.now().plusSeconds(3 * 3600))).then().statusCode(422).body("title", equalTo("Event in the future"));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void zeroAcceptedEverythingRejectedIsAValidProof() {
        String id = arrived();
        postPod(id, pod(t(10), List.of(podLine("TENT-FAMILY", TENT_LOT, 0, 100, "Wrong item"), podLine("HYGIENE-KIT", KIT_LOT, 0, 40, "Expired"))))
                .then().statusCode(201).body("totalAccepted", equalTo(0)).body("totalRejected", equalTo(140));
    }

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
        Map<String, Object> body = new LinkedHashMap<>(partial(t(10)));
        body.put(field, value);
        postPod(id, body).then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(reported));
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
            given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments/" + id + "/proof-of-delivery").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        postPod(UUID.randomUUID().toString(), partial(t(10))).then().statusCode(404);
    }
}
