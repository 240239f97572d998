package org.corridor.shipment.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.shipment.support.InjectWireMock;
import org.corridor.shipment.support.ServiceTokenAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The delivery summary, and one shipment walked from PLANNED to DELIVERED with the numbers checked at each step. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class DeliverySummaryTest {

    @InjectWireMock
    WireMockServer wireMock;

    private void needs(UUID incident, String json) {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + incident + "/needs")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static String need(UUID site, String item, int quantity) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"siteId\":\"" + site + "\",\"itemCode\":\"" + item
                + "\",\"quantity\":" + quantity + ",\"priority\":\"HIGH\",\"deliverBy\":\"2026-12-01T00:00:00Z\"}";
    }

    private static JsonPath summary(UUID incident) {
        return given().get("/api/v1/incidents/" + incident + "/delivery-summary").then().statusCode(200).extract()
                .jsonPath();
    }

    /**
     * The summary line of (site, item), as {requested, allocated, dispatched, inTransit, delivered, rejected, lost,
     * recalled}.
     */
    private static List<Object> row(JsonPath s, UUID site, String item) {
        Map<String, Object> r = s.getMap("lines.find { it.siteId == '" + site + "' && it.itemCode == '" + item + "' }");
        return List.of(String.valueOf(r.get("requested")), r.get("allocated"), r.get("dispatched"), r.get("inTransit"),
                r.get("delivered"), r.get("rejected"), r.get("lost"), r.get("recalled"));
    }

    private static List<Object> nums(Object requested, int allocated, int dispatched, int inTransit, int delivered,
            int rejected, int lost, int recalled) {
        return List.of(String.valueOf(requested), allocated, dispatched, inTransit, delivered, rejected, lost,
                recalled);
    }

    @Test
    void oneShipmentFromPlannedToDeliveredWithTheSummaryAtEachStep() {
        UUID incident = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        UUID otherSite = UUID.randomUUID();
        UUID tentLot = UUID.randomUUID();
        UUID kitLot = UUID.randomUUID();
        needs(incident, "{\"items\":[" + need(site, "TENT-FAMILY", 100) + "," + need(site, "TENT-FAMILY", 50) + ","
                + need(site, "HYGIENE-KIT", 40) + "," + need(otherSite, "WATER-JERRYCAN", 1000)
                + "],\"page\":0,\"size\":500,\"total\":4}");

        // before anything is shipped: only what was requested
        JsonPath s = summary(incident);
        assertEquals(true, s.getBoolean("requestedAvailable"));
        assertEquals(List.of(), s.getList("warnings"));
        assertEquals(nums(150, 0, 0, 0, 0, 0, 0, 0), row(s, site, "TENT-FAMILY"));
        assertEquals(nums(1000, 0, 0, 0, 0, 0, 0, 0), row(s, otherSite, "WATER-JERRYCAN"));

        Map<String, Object> body = shipment(incident, site,
                List.of(line("TENT-FAMILY", tentLot, 120, 6600), line("HYGIENE-KIT", kitLot, 40, 200)));
        String id = createId(body);
        String reservation = (String) body.get("reservationId");
        // a second shipment to the same site, cancelled before dispatch: not allocated any more
        String cancelled = createId(shipment(incident, site,
                List.of(line("TENT-FAMILY", UUID.randomUUID(), 30, 1650))));
        s = summary(incident);
        assertEquals(nums(150, 150, 0, 0, 0, 0, 0, 0), row(s, site, "TENT-FAMILY"));
        postEvent(cancelled, "CANCELLED", t(0)).then().statusCode(201);
        s = summary(incident);
        assertEquals(nums(150, 120, 0, 0, 0, 0, 0, 0), row(s, site, "TENT-FAMILY"));
        assertEquals(nums(40, 40, 0, 0, 0, 0, 0, 0), row(s, site, "HYGIENE-KIT"));
        assertEquals("Antakya stadium camp", s.getString("lines.find { it.itemCode == 'HYGIENE-KIT' }.siteName"));

        // dispatched: the reservation is consumed once, the goods are in transit
        postEvent(id, "DISPATCHED", t(1)).then().statusCode(201);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/consume")));
        s = summary(incident);
        assertEquals(nums(150, 120, 120, 120, 0, 0, 0, 0), row(s, site, "TENT-FAMILY"));
        assertEquals(nums(40, 40, 40, 40, 0, 0, 0, 0), row(s, site, "HYGIENE-KIT"));

        int m = 2;
        for (String step : List.of("IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD", "CUSTOMS_RELEASED", "ARRIVED")) {
            postEvent(id, step, t(m++)).then().statusCode(201).body("toStatus", Matchers.equalTo(step));
            given().get("/api/v1/shipments/" + id).then().body("status", Matchers.equalTo(step))
                    .body("stock", Matchers.equalTo("ISSUED"));
            s = summary(incident);
            assertEquals(nums(150, 120, 120, 120, 0, 0, 0, 0), row(s, site, "TENT-FAMILY"), step);
            assertEquals(nums(40, 40, 40, 40, 0, 0, 0, 0), row(s, site, "HYGIENE-KIT"), step);
        }
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/consume")));
        wireMock.verify(0, postRequestedFor(urlEqualTo("/api/v1/reservations/" + reservation + "/release")));

        // proof of delivery with a partial rejection
        postPod(id, pod(t(m), List.of(podLine("TENT-FAMILY", tentLot, 112, 8, "Torn canvas"),
                podLine("HYGIENE-KIT", kitLot, 40, 0, null)))).then().statusCode(201);
        given().get("/api/v1/shipments/" + id).then().body("status", Matchers.equalTo("DELIVERED"));
        given().get("/api/v1/shipments/" + id + "/events").then().body("items.type",
                contains("DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD", "CUSTOMS_RELEASED", "ARRIVED",
                        "DELIVERED"));
        s = summary(incident);
        assertEquals(nums(150, 120, 120, 0, 112, 8, 0, 0), row(s, site, "TENT-FAMILY"));
        assertEquals(nums(40, 40, 40, 0, 40, 0, 0, 0), row(s, site, "HYGIENE-KIT"));
        assertEquals(nums(1000, 0, 0, 0, 0, 0, 0, 0), row(s, otherSite, "WATER-JERRYCAN"));
        assertEquals(3, s.getList("lines").size());
    }

    @Test
    void lostAndRecalledShipmentsAreCountedApart() {
        UUID incident = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        String lost = createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 10, 15))));
        String recalled = createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 20, 30))));
        String moving = createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 40, 60))));
        drive(lost, 0, "DISPATCHED", "IN_TRANSIT", "LOST");
        drive(recalled, 0, "DISPATCHED", "CANCELLED");
        drive(moving, 0, "DISPATCHED", "IN_TRANSIT");
        JsonPath s = summary(incident);
        // requested 0: allocation knows no needs of this incident (the default stub)
        assertEquals(nums(0, 50, 50, 40, 0, 0, 10, 20), row(s, site, "BLANKET"));
    }

    @Test
    void allocationDownGivesShipmentNumbersWithRequestedNullAndAWarning() {
        UUID incident = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + incident + "/needs")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 10, 15))));
        given().get("/api/v1/incidents/" + incident + "/delivery-summary").then().statusCode(200)
                .body("requestedAvailable", Matchers.equalTo(false))
                .body("warnings[0]", containsString("allocation-service cannot be reached"))
                .body("lines[0].requested", nullValue())
                .body("lines[0].allocated", Matchers.equalTo(10));
    }

    @Test
    void unknownIncidentIs404() {
        UUID incident = UUID.randomUUID();
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + incident + "/needs")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Incident not found\"}")));
        given().get("/api/v1/incidents/" + incident + "/delivery-summary").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/incidents/not-a-uuid/delivery-summary").then().statusCode(404);
    }

    @Test
    void requestedSumsNeedsOverEveryPage() {
        UUID incident = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + incident + "/needs"))
                .withQueryParam("page", equalTo("0"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + need(site, "BLANKET", 7)
                                + "],\"page\":0,\"size\":500,\"total\":2}")));
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + incident + "/needs"))
                .withQueryParam("page", equalTo("1"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + need(site, "BLANKET", 5)
                                + "],\"page\":1,\"size\":500,\"total\":2}")));
        assertEquals(nums(12, 0, 0, 0, 0, 0, 0, 0), row(summary(incident), site, "BLANKET"));
        // both pages were asked for with shipment-service's own SERVICE token
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> asked = wireMock.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v1/incidents/"
                        + incident + "/needs")));
        assertEquals(2, asked.size());
        asked.forEach(ServiceTokenAssert::assertServiceToken);
    }

    @Test
    void summaryAnswersIfNoneMatchWith304UntilSomethingChanges() {
        UUID incident = UUID.randomUUID();
        String id = createId(shipment(incident, UUID.randomUUID(),
                List.of(line("BLANKET", UUID.randomUUID(), 10, 15))));
        String url = "/api/v1/incidents/" + incident + "/delivery-summary";
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).get(url).then().statusCode(304);
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(201);
        String newTag = given().header("If-None-Match", tag).get(url).then().statusCode(200)
                .body("lines[0].dispatched", Matchers.equalTo(10)).extract().header("ETag");
        assertNotEquals(tag, newTag);
    }
}
