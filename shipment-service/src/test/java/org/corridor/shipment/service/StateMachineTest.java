package org.corridor.shipment.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.corridor.common.security.Roles;
import org.corridor.shipment.support.InjectWireMock;
import org.corridor.shipment.support.ServiceTokenAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state machine of the README, transition by transition, and the stock effects of events on inventory-service
 * (answered over HTTP by WireMock).
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class StateMachineTest {

    enum S {
        PLANNED, DISPATCHED, IN_TRANSIT, AT_BORDER, CUSTOMS_HOLD, CUSTOMS_RELEASED, ARRIVED, DELIVERED, CANCELLED, LOST
    }

    static final List<String> EVENTS = List.of("DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD",
            "CUSTOMS_RELEASED", "ARRIVED", "DELIVERED", "CANCELLED", "LOST");

    /** The README's table, written out independently of the code's. */
    static final Map<S, List<String>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(S.PLANNED, List.of("DISPATCHED", "CANCELLED"));
        TABLE.put(S.DISPATCHED, List.of("IN_TRANSIT", "CANCELLED", "LOST"));
        TABLE.put(S.IN_TRANSIT, List.of("IN_TRANSIT", "AT_BORDER", "ARRIVED", "CANCELLED", "LOST"));
        TABLE.put(S.AT_BORDER, List.of("IN_TRANSIT", "CUSTOMS_HOLD", "ARRIVED", "CANCELLED", "LOST"));
        TABLE.put(S.CUSTOMS_HOLD, List.of("CUSTOMS_RELEASED", "CANCELLED", "LOST"));
        TABLE.put(S.CUSTOMS_RELEASED, List.of("IN_TRANSIT", "ARRIVED", "CANCELLED", "LOST"));
        TABLE.put(S.ARRIVED, List.of("DELIVERED"));
        TABLE.put(S.DELIVERED, List.of());
        TABLE.put(S.CANCELLED, List.of());
        TABLE.put(S.LOST, List.of());
    }

    /** Events that bring a new shipment to each status. */
    static final Map<S, String[]> PATH = Map.of(
            S.PLANNED, new String[]{},
            S.DISPATCHED, new String[]{"DISPATCHED"},
            S.IN_TRANSIT, new String[]{"DISPATCHED", "IN_TRANSIT"},
            S.AT_BORDER, new String[]{"DISPATCHED", "IN_TRANSIT", "AT_BORDER"},
            S.CUSTOMS_HOLD, new String[]{"DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD"},
            S.CUSTOMS_RELEASED,
            new String[]{"DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD", "CUSTOMS_RELEASED"},
            S.ARRIVED, new String[]{"DISPATCHED", "IN_TRANSIT", "ARRIVED"},
            S.DELIVERED, new String[]{"DISPATCHED", "IN_TRANSIT", "ARRIVED"},
            S.CANCELLED, new String[]{"CANCELLED"},
            S.LOST, new String[]{"DISPATCHED", "LOST"});

    @InjectWireMock
    WireMockServer wireMock;

    @TestHTTPResource("/")
    URL base;

    /** A new shipment brought to {@code status}; returns its id. */
    static String shipmentIn(S status) {
        String id = createId(anyShipment());
        drive(id, 0, PATH.get(status));
        if (status == S.DELIVERED) {
            postPod(id, fullPod(id, t(50))).then().statusCode(201);
        }
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo(status.name()));
        return id;
    }

    static Stream<Arguments> legalTransitions() {
        List<Arguments> all = new ArrayList<>();
        TABLE.forEach((from, events) -> events.stream().filter(e -> !e.equals("DELIVERED"))
                .forEach(e -> all.add(Arguments.of(from, e))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalTransitions")
    void legalTransitionSucceeds(S from, String event) {
        String id = shipmentIn(from);
        Map<String, Object> e = event(event, t(100));
        e.put("location", "Cilvegözü border crossing");
        e.put("latitude", 36.22);
        e.put("longitude", 36.64);
        e.put("note", "from " + from);
        String eventId = postEvent(id, e).then().statusCode(201)
                .body("type", equalTo(event))
                .body("fromStatus", equalTo(from.name()))
                .body("toStatus", equalTo(event))
                .body("location", equalTo("Cilvegözü border crossing"))
                .body("at", equalTo(t(100).toString()))
                .extract().path("id");
        given().get("/api/v1/shipments/" + id).then().statusCode(200)
                .body("status", equalTo(event))
                .body("allowedEvents", equalTo(TABLE.get(S.valueOf(event)).stream().sorted(
                        (a, b) -> EVENTS.indexOf(a) - EVENTS.indexOf(b)).toList()));
        given().get("/api/v1/shipments/" + id + "/events/" + eventId).then().statusCode(200)
                .body("note", equalTo("from " + from));
    }

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> all = new ArrayList<>();
        TABLE.forEach((from, allowed) -> EVENTS.stream().filter(e -> !allowed.contains(e))
                .forEach(e -> all.add(Arguments.of(from, e))));
        return all.stream();
    }

    /** Every (status, event) pair the table does not allow: 409 naming the status and the allowed events. */
    @ParameterizedTest(name = "{0} -/-> {1}")
    @MethodSource("illegalTransitions")
    void illegalTransitionIs409WithAllowedList(S from, String event) {
        String id = shipmentIn(from);
        int before = given().get("/api/v1/shipments/" + id + "/events").then().extract().path("total");
        List<String> allowed = TABLE.get(from).stream().sorted((a, b) -> EVENTS.indexOf(a) - EVENTS.indexOf(b))
                .toList();
        postEvent(id, event, t(100)).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Illegal transition"))
                .body("detail", containsString(from.name()))
                .body("extensions.currentStatus", equalTo(from.name()))
                .body("extensions.allowed", equalTo(allowed));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(before));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo(from.name()));
    }

    @Test
    void deliveredNeedsProofOfDelivery() {
        String id = shipmentIn(S.ARRIVED);
        postEvent(id, "DELIVERED", t(100)).then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Proof of delivery required"))
                .body("detail", containsString("/proof-of-delivery"));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void eventsAreListedOldestFirst() {
        String id = createId(anyShipment());
        drive(id, 0, "DISPATCHED", "IN_TRANSIT", "IN_TRANSIT", "AT_BORDER");
        given().get("/api/v1/shipments/" + id + "/events").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.type", contains("DISPATCHED", "IN_TRANSIT", "IN_TRANSIT", "AT_BORDER"))
                .body("items.sequence", contains(1, 2, 3, 4))
                .body("items.at", contains(t(0).toString(), t(1).toString(), t(2).toString(), t(3).toString()))
                .body("items[0].stockEffect", equalTo("RESERVATION_CONSUMED"))
                .body("items[1].stockEffect", nullValue());
    }

    @Test
    void eventListAnswersIfNoneMatchWith304() {
        String id = createId(anyShipment());
        String url = "/api/v1/shipments/" + id + "/events";
        String tag = given().get(url).then().statusCode(200).body("total", equalTo(0)).extract().header("ETag");
        given().header("If-None-Match", tag).get(url).then().statusCode(304);
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(201);
        given().header("If-None-Match", tag).get(url).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void eventBeforeThePreviousOneIs422() {
        String id = createId(anyShipment());
        postEvent(id, "DISPATCHED", t(10)).then().statusCode(201);
        postEvent(id, "IN_TRANSIT", t(9)).then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Event out of order"));
        // the same instant is fine
        postEvent(id, "IN_TRANSIT", t(10)).then().statusCode(201);
    }

    @Test
    void eventInTheFutureIs422() {
        String id = createId(anyShipment());
        postEvent(id, "DISPATCHED", Instant.now().plusSeconds(3 * 3600)).then().statusCode(422)
                .body("title", equalTo("Event in the future"));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("PLANNED"));
    }

    // ---------------------------------------------------------------- stock effects

    private String reservationOf(String id) {
        return given().get("/api/v1/shipments/" + id).then().extract().path("reservationId");
    }

    private int calls(String reservationId, String op) {
        return wireMock.countRequestsMatching(
                postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservationId + "/" + op)).build()).getCount();
    }

    @Test
    void dispatchConsumesTheReservationExactlyOnceWhenTheClientRepeatsIt() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        String first = postEvent(id, "DISPATCHED", t(0)).then().statusCode(201)
                .body("stockEffect", equalTo("RESERVATION_CONSUMED")).extract().path("id");
        // the same event again, without a key (a client retry after a lost answer): same event, no new call
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(200).body("id", equalTo(first));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/consume")));
        // as a service: a SERVICE bearer token, not the officer's identity
        wireMock.findAll(postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/consume")))
                .forEach(ServiceTokenAssert::assertServiceToken);
        // only this shipment's lines of the plan's reservation, under the shipment's own reference
        String lot = given().get("/api/v1/shipments/" + id).then().extract().path("lines[0].lotId");
        int quantity = given().get("/api/v1/shipments/" + id).then().extract().path("lines[0].quantity");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/consume"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.reference",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("shipment-" + id + "-consume")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.lines[0].lotId",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(lot)))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.lines[0].quantity",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(quantity)))));
        given().get("/api/v1/shipments/" + id).then().body("stock", equalTo("ISSUED"))
                .body("dispatchedAt", equalTo(t(0).toString()));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(1));
    }

    @Test
    void dispatchWithIdempotencyKeyReplaysAndConsumesOnce() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        Map<String, Object> e = event("DISPATCHED", t(0));
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "evt-1").body(e)
                .post("/api/v1/shipments/" + id + "/events").then().statusCode(201).extract().path("id");
        // the shipment moves on; replaying the key still answers the first result and calls nothing
        postEvent(id, "IN_TRANSIT", t(1)).then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "evt-1").body(e)
                .post("/api/v1/shipments/" + id + "/events").then().statusCode(201).body("id", equalTo(first));
        Map<String, Object> other = event("ARRIVED", t(2));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "evt-1").body(other)
                .post("/api/v1/shipments/" + id + "/events").then().statusCode(422);
        assertEquals(1, calls(reservation, "consume"));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(2));
    }

    @Test
    void concurrentRepeatsOfOneDispatchRecordOneEventAndConsumeOnce() throws Exception {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"type\":\"DISPATCHED\",\"at\":\"" + t(0) + "\",\"note\":\"left the hub\"}";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base.toString() + "api/v1/shipments/" + id + "/events"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            statuses.add(c.get().statusCode());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
        assertEquals(7, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(1, calls(reservation, "consume"));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(1));
    }

    @Test
    void concurrentDifferentEventsAreAppliedOneAfterTheOther() throws Exception {
        String id = createId(anyShipment());
        drive(id, 0, "DISPATCHED", "IN_TRANSIT");
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String type : List.of("ARRIVED", "LOST", "CANCELLED", "AT_BORDER")) {
            String body = "{\"type\":\"" + type + "\",\"at\":\"" + t(5) + "\"}";
            HttpRequest req = HttpRequest.newBuilder(URI.create(base.toString() + "api/v1/shipments/" + id + "/events"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            statuses.add(c.get().statusCode());
        }
        // whichever came first won; the others found a status that does not allow them, or allowed them in turn
        int recorded = given().get("/api/v1/shipments/" + id + "/events").then().extract().path("total");
        assertEquals(2 + statuses.stream().filter(s -> s == 201).count(), recorded, "statuses " + statuses);
        assertEquals(4, statuses.stream().filter(s -> s == 201 || s == 409).count(), "statuses " + statuses);
        List<String> types = given().get("/api/v1/shipments/" + id + "/events").then().extract().path("items.type");
        String last = types.get(types.size() - 1);
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo(last));
        // each recorded event was legal after the one before it
        for (int i = 1; i < types.size(); i++) {
            S prev = S.valueOf(types.get(i - 1));
            assertEquals(true, TABLE.get(prev).contains(types.get(i)), types.toString());
        }
    }

    @Test
    void cancellingBeforeDispatchReleasesTheReservation() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        postEvent(id, "CANCELLED", t(0)).then().statusCode(201).body("stockEffect", equalTo("RESERVATION_RELEASED"));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/release")));
        wireMock.findAll(postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/release")))
                .forEach(ServiceTokenAssert::assertServiceToken);
        assertEquals(0, calls(reservation, "consume"));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("CANCELLED"))
                .body("stock", equalTo("RELEASED")).body("stockSettlement.operation", equalTo("RELEASE"));
    }

    @Test
    void cancellingAfterDispatchRecordsARecallWithoutRelease() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        drive(id, 0, "DISPATCHED", "IN_TRANSIT");
        postEvent(id, "CANCELLED", t(5)).then().statusCode(201).body("stockEffect", equalTo("RECALL_RECORDED"));
        assertEquals(0, calls(reservation, "release"));
        given().get("/api/v1/shipments/" + id).then().body("stock", equalTo("RECALLED"));
    }

    @Test
    void lossIsRecordedOnTheShipmentAndTheEvent() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        drive(id, 0, "DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD");
        postEvent(id, "LOST", t(10)).then().statusCode(201).body("stockEffect", equalTo("LOSS_RECORDED"));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("LOST")).body("stock", equalTo("LOST"));
        assertEquals(1, calls(reservation, "consume"));
        assertEquals(0, calls(reservation, "release"));
    }

    @Test
    void inventoryDownRefusesTheEventWith503AndRecordsNothing() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        StubMapping down = wireMock.stubFor(post(urlEqualTo("/api/v1/reservations/" + reservation + "/consume"))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("Inventory unavailable"))
                .body("detail", containsString("Nothing was recorded"));
        // tried, and retried, then gave up
        assertEquals(3, calls(reservation, "consume"));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(0));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("PLANNED"))
                .body("stock", equalTo("RESERVED"));

        // inventory comes back: the same event now goes through
        wireMock.removeStub(down);
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(201);
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("DISPATCHED"));
    }

    @Test
    void aPassingInventoryHiccupIsRetriedTransparently() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        String url = "/api/v1/reservations/" + reservation + "/consume";
        wireMock.stubFor(post(urlEqualTo(url)).atPriority(1).inScenario("hiccup-" + reservation)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        wireMock.stubFor(post(urlEqualTo(url)).atPriority(1).inScenario("hiccup-" + reservation)
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"CONSUMED\"}")));
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(201);
        assertEquals(2, calls(reservation, "consume"));
    }

    @Test
    void inventoryRefusingTheConsumeIs409AndRecordsNothing() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        wireMock.stubFor(post(urlEqualTo("/api/v1/reservations/" + reservation + "/consume")).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"title\":\"Reservation released\","
                                + "\"detail\":\"Reservation was released\"}")));
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Stock no longer held"))
                .body("detail", containsString("Reservation was released"));
        assertEquals(1, calls(reservation, "consume"));
        given().get("/api/v1/shipments/" + id + "/events").then().body("total", equalTo(0));
    }

    @Test
    void reservationUnknownToInventoryIs422() {
        String id = createId(anyShipment());
        String reservation = reservationOf(id);
        wireMock.stubFor(post(urlEqualTo("/api/v1/reservations/" + reservation + "/consume")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"detail\":\"Reservation does not exist\"}")));
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(422).body("title", equalTo("Reservation unknown"));
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("PLANNED"));
    }
}
