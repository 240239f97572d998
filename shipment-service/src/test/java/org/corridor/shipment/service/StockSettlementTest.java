package org.corridor.shipment.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.shipment.support.InjectWireMock;
import org.corridor.shipment.support.InventorySettlements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operators always have a way out: cancelling a PLANNED shipment always works and its stock is always reconciled in the
 * end, whatever inventory-service does. Inventory is answered by WireMock the way the real one settles
 * ({@link InventorySettlements}): down, then up again; refusing a release; holding only part of the stock, or none;
 * refusing to consume stock it no longer holds.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class StockSettlementTest {

    /** Enough for several background runs (every second in tests, waits of 0.2 s doubling up to 1 s). */
    private static final int SECONDS = 20;

    @InjectWireMock
    WireMockServer wireMock;

    @ParameterizedTest(name = "inventory {0}")
    @ValueSource(strings = {"unreachable", "answering 500"})
    void cancellingWhileInventoryIsDownIsRecordedAndReleasedOnceItIsBack(String how) {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        ResponseDefinitionBuilder failure = how.equals("unreachable")
                ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
                : aResponse().withStatus(500).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":500,\"title\":\"Internal error\",\"detail\":\"boom\"}");
        StubMapping down = wireMock.stubFor(post(urlEqualTo(release(reservation))).atPriority(1).willReturn(failure));

        // the cancellation is recorded at once; the release waits for inventory
        String eventId = postEvent(id, "CANCELLED", t(0)).then().statusCode(201)
                .body("type", equalTo("CANCELLED"))
                .body("stockEffect", equalTo("RELEASE_PENDING")).extract().path("id");
        String cancelledAt = getShipment(id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("allowedEvents", empty())
                .body("stock", equalTo("RELEASE_PENDING"))
                .body("stockSettlement.operation", equalTo("RELEASE"))
                .body("stockSettlement.reference", equalTo("shipment-" + id + "-release"))
                .body("stockSettlement.attempts", equalTo(1))
                .body("stockSettlement.nextAttemptAt", notNullValue())
                .body("stockSettlement.settledAt", nullValue())
                .body("stockSettlement.note", containsString("retried automatically"))
                .extract().path("updatedAt");

        // the background keeps trying while inventory is down
        awaitShipment(id, SECONDS, r -> r.<Integer>path("stockSettlement.attempts") >= 3);
        getShipment(id).then().body("stock", equalTo("RELEASE_PENDING"));
        // an operator's "try now" while it is still down: still pending, one more attempt
        int attempts = getShipment(id).path("stockSettlement.attempts");
        given().post("/api/v1/shipments/" + id + "/stock-settlement").then().statusCode(200)
                .body("stock", equalTo("RELEASE_PENDING"))
                .body("stockSettlement.attempts", greaterThan(attempts));

        // inventory is back: the release goes through without anyone asking
        wireMock.removeStub(down);
        Response settled = awaitShipment(id, SECONDS, r -> "RELEASED".equals(r.path("stock")));
        settled.then().body("status", equalTo("CANCELLED"))
                .body("stockSettlement.settledAt", notNullValue())
                .body("stockSettlement.nextAttemptAt", nullValue())
                .body("stockSettlement.note", containsString("gave back all the shipment's 2 line(s) (140 units)"))
                .body("updatedAt", not(equalTo(cancelledAt)));
        // every attempt was the same settlement (same reference and lines), so inventory applied it once
        List<LoggedRequest> calls = wireMock.findAll(postRequestedFor(urlEqualTo(release(reservation))));
        assertTrue(calls.size() >= 3, "attempts " + calls.size());
        for (LoggedRequest c : calls) {
            assertEquals("shipment-" + id + "-release", c.getHeader("Idempotency-Key"));
            assertEquals(calls.get(0).getBodyAsString(), c.getBodyAsString());
        }
        // pollers of `since` see the change; the event keeps what was true when it was recorded
        given().get("/api/v1/shipments?incidentId=" + body.get("incidentId") + "&since=" + cancelledAt).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].stock", equalTo("RELEASED"));
        given().get("/api/v1/shipments/" + id + "/events/" + eventId).then().body("stockEffect",
                equalTo("RELEASE_PENDING"));
        // settled for good: no more attempts
        int done = wireMock.findAll(postRequestedFor(urlEqualTo(release(reservation)))).size();
        sleep(2500);
        assertEquals(done, wireMock.findAll(postRequestedFor(urlEqualTo(release(reservation)))).size());
    }

    @ParameterizedTest(name = "inventory answers {0}")
    @ValueSource(ints = {404, 422})
    void aRefusedReleaseIsRecordedOnTheShipmentAndCanBeTriedAgain(int status) {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        StubMapping refused = wireMock.stubFor(post(urlEqualTo(release(reservation))).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":" + status + ",\"title\":\"Refused\","
                                + "\"detail\":\"Reservation " + reservation + " cannot be settled here\"}")));

        postEvent(id, "CANCELLED", t(0)).then().statusCode(201).body("stockEffect", equalTo("RELEASE_REFUSED"));
        getShipment(id).then().body("status", equalTo("CANCELLED"))
                .body("stock", equalTo("RELEASE_REFUSED"))
                .body("stockSettlement.attempts", equalTo(1))
                .body("stockSettlement.nextAttemptAt", nullValue())
                .body("stockSettlement.settledAt", nullValue())
                .body("stockSettlement.note", containsString("answered " + status))
                .body("stockSettlement.note", containsString("cannot be settled here"))
                .body("stockSettlement.note", containsString("/api/v1/shipments/" + id + "/stock-settlement"));
        // a refusal is an answer: not retried in the background
        sleep(2500);
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(release(reservation)))).size());

        // the operator tries again while inventory still refuses: the same, with the attempt counted
        given().post("/api/v1/shipments/" + id + "/stock-settlement").then().statusCode(200)
                .body("id", equalTo(id)).body("stock", equalTo("RELEASE_REFUSED"))
                .body("stockSettlement.attempts", equalTo(2));
        // the reservation was fixed in inventory: the next try releases
        wireMock.removeStub(refused);
        given().post("/api/v1/shipments/" + id + "/stock-settlement").then().statusCode(200)
                .body("stock", equalTo("RELEASED")).body("stockSettlement.attempts", equalTo(3))
                .body("stockSettlement.settledAt", notNullValue());
        // nothing left to settle
        given().post("/api/v1/shipments/" + id + "/stock-settlement").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Nothing to settle"))
                .body("extensions.stock", equalTo("RELEASED"));
    }

    @Test
    void aPendingReleaseThatInventoryThenRefusesIsRecordedAsRefused() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        StubMapping down = wireMock.stubFor(post(urlEqualTo(release(reservation))).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        postEvent(id, "CANCELLED", t(0)).then().statusCode(201).body("stockEffect", equalTo("RELEASE_PENDING"));
        wireMock.removeStub(down);
        wireMock.stubFor(post(urlEqualTo(release(reservation))).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"detail\":\"Reservation does not exist\"}")));
        awaitShipment(id, SECONDS, r -> "RELEASE_REFUSED".equals(r.path("stock"))).then()
                .body("stockSettlement.nextAttemptAt", nullValue())
                .body("stockSettlement.note", containsString("Reservation does not exist"));
    }

    @Test
    void releasingStockNoLongerHeldCancelsAndSaysNothingCameBack() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        InventorySettlements.notHeld(wireMock, reservation);
        postEvent(id, "CANCELLED", t(0)).then().statusCode(201).body("stockEffect", equalTo("RESERVATION_RELEASED"));
        getShipment(id).then().body("status", equalTo("CANCELLED")).body("stock", equalTo("RELEASED"))
                .body("stockSettlement.settledAt", notNullValue())
                .body("stockSettlement.note", containsString("gave back 0 of 140 units"))
                .body("stockSettlement.note", containsString("no longer held"));
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(release(reservation)))).size());
    }

    @Test
    void partlyHeldStockIsReleasedAsFarAsItIsHeldAndTheShortLotsAreNamed() {
        UUID tents = UUID.randomUUID();
        UUID kits = UUID.randomUUID();
        Map<String, Object> body = shipment(UUID.randomUUID(), UUID.randomUUID(),
                List.of(line("TENT-FAMILY", tents, 100, 5500), line("HYGIENE-KIT", kits, 40, 200)));
        String id = createId(body);
        InventorySettlements.holding(wireMock, (String) body.get("reservationId"), "release", 60);
        postEvent(id, "CANCELLED", t(0)).then().statusCode(201);
        String note = getShipment(id).then().body("stock", equalTo("RELEASED")).extract()
                .path("stockSettlement.note");
        assertTrue(note.contains("gave back 100 of 140 units"), note);
        assertTrue(note.contains("TENT-FAMILY lot " + tents + ": 60 of 100"), note);
        assertTrue(!note.contains(kits.toString()), note);
    }

    @Test
    void dispatchingStockNoLongerHeldIs409PointingToCancellationWhichThenWorks() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        InventorySettlements.notHeld(wireMock, reservation);

        postEvent(id, "DISPATCHED", t(0)).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Stock no longer held"))
                .body("detail", containsString("no longer holds"))
                .body("detail", containsString("type CANCELLED"))
                .body("detail", containsString("Nothing was recorded"))
                .body("extensions.currentStatus", equalTo("PLANNED"))
                .body("extensions.reservationId", equalTo(reservation))
                .body("extensions.wayOut", equalTo("CANCELLED"));
        getShipment(id).then().body("status", equalTo("PLANNED")).body("stock", equalTo("RESERVED"))
                .body("stockSettlement", nullValue());
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(0));

        // the way out
        postEvent(id, "CANCELLED", t(1)).then().statusCode(201).body("stockEffect", equalTo("RESERVATION_RELEASED"));
        getShipment(id).then().body("status", equalTo("CANCELLED")).body("stock", equalTo("RELEASED"))
                .body("stockSettlement.note", containsString("gave back 0 of 140 units"));
    }

    @Test
    void dispatchWhoseReservationInventoryDoesNotKnowIs422AndCancellationIsRecordedAsRefused() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        for (String op : List.of("consume", "release")) {
            wireMock.stubFor(post(urlEqualTo("/api/v1/reservations/" + reservation + "/" + op)).atPriority(1)
                    .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"status\":404,\"detail\":\"Reservation does not exist\"}")));
        }
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(422).body("title", equalTo("Reservation unknown"))
                .body("detail", containsString("type CANCELLED"));
        postEvent(id, "CANCELLED", t(1)).then().statusCode(201).body("stockEffect", equalTo("RELEASE_REFUSED"));
        getShipment(id).then().body("status", equalTo("CANCELLED")).body("stock", equalTo("RELEASE_REFUSED"));
    }

    @Test
    void stockSettlementWithNothingToSettleIs409AndAnUnknownShipment404() {
        String planned = createId(anyShipment());
        given().post("/api/v1/shipments/" + planned + "/stock-settlement").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("RESERVED"))
                .body("extensions.currentStatus", equalTo("PLANNED"));
        String dispatched = createId(anyShipment());
        postEvent(dispatched, "DISPATCHED", t(0)).then().statusCode(201);
        given().post("/api/v1/shipments/" + dispatched + "/stock-settlement").then().statusCode(409)
                .body("extensions.stock", equalTo("ISSUED"));
        given().post("/api/v1/shipments/" + UUID.randomUUID() + "/stock-settlement").then().statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/v1/shipments/not-a-uuid/stock-settlement").then().statusCode(404);
        getShipment(planned).then().body("stock", equalTo("RESERVED"));
    }

    @Test
    void theWaitBetweenAttemptsDoublesUpToTheMaximum() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        StubMapping down = wireMock.stubFor(post(urlEqualTo(release((String) body.get("reservationId"))))
                .atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        postEvent(id, "CANCELLED", t(0)).then().statusCode(201);
        // test settings: first wait 0.2 s, doubling, at most 1 s: 200, 400, 800, 1000, 1000, ... ms
        Response first = getShipment(id);
        assertEquals(expectedWait(first.path("stockSettlement.attempts")), waitMillis(first));
        Response later = awaitShipment(id, SECONDS, r -> r.<Integer>path("stockSettlement.attempts") >= 4);
        later.then().body("stockSettlement.attempts", greaterThanOrEqualTo(4));
        assertEquals(1000L, waitMillis(later));
        wireMock.removeStub(down);
        awaitShipment(id, SECONDS, r -> "RELEASED".equals(r.path("stock")));
        given().get("/api/v1/shipments/" + id + "/events").then().body("items.stockEffect",
                hasItem("RELEASE_PENDING"));
    }

    // ---------------------------------------------------------------- helpers

    private static String release(String reservation) {
        return "/api/v1/reservations/" + reservation + "/release";
    }

    private static long expectedWait(int attempts) {
        return Math.min(200L << (attempts - 1), 1000L);
    }

    private static long waitMillis(Response r) {
        return Instant.parse(r.<String>path("stockSettlement.nextAttemptAt")).toEpochMilli()
                - Instant.parse(r.<String>path("stockSettlement.lastAttemptAt")).toEpochMilli();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
