package org.corridor.allocation.service.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.support.InjectShipmentWireMock;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.allocation.support.ShipmentWireMock;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An undo that the other service refuses (a 4xx, not an outage) is not given up: shipment-service refuses the
 * approval's shipment, so the approval fails at once and must release its reservation; inventory refuses the release.
 * The plan stays APPROVING and says why while the undo is tried again; once inventory accepts, the plan is SOLVED with
 * an approval error that says the reservation was released.
 */
@QuarkusTest
@QuarkusTestResource(value = ShipmentWireMock.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ApprovalUndoRefusedTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    @InjectWireMock
    WireMockServer inventory;

    @InjectShipmentWireMock
    WireMockServer shipments;

    @AfterEach
    void restoreStubs() {
        InventoryWireMock.stubDefaults(inventory);
        ShipmentWireMock.stubDefaults(shipments);
    }

    @Test
    void aRefusedUndoIsTriedAgainAndVisibleUntilItSucceeds() throws Exception {
        Map<String, Object> incident = incident("Idlib floods", "SYR", List.of(site("Idlib", 35.93, 36.63, 2500)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 80, "HIGH");
        String planId = post("/api/v1/plans", Map.of("incidentIds", List.of(incidentId), "termination",
                Map.of("spentLimit", "PT3S", "unimprovedSpentLimit", "PT1S"))).statusCode(202).extract().path("id");
        JsonPath plan = awaitLeft(planId, "SOLVING");
        assertEquals("SOLVED", plan.getString("status"), plan.prettify());

        UUID reservationId = UUID.randomUUID();
        String reservation = "{\"id\":\"" + reservationId + "\",\"reference\":\"plan-" + planId
                + "\",\"status\":\"HELD\",\"lines\":[]}";
        inventory.stubFor(WireMock.post(urlPathEqualTo("/api/v1/reservations")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", JSON).withBody(reservation)));
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/reservations")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody("{\"items\":[" + reservation + "],\"page\":0,\"size\":500,\"total\":1}")));
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/teams")).withQueryParam("assignmentReference",
                equalTo("plan-" + planId)).atPriority(1).willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody("{\"items\":[],\"page\":0,\"size\":500,\"total\":0}")));
        String release = "/api/v1/reservations/" + reservationId + "/release";
        inventory.stubFor(WireMock.post(urlPathEqualTo(release)).atPriority(1).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", PROBLEM).withBody("{\"type\":\"https://corridor.example/problems/"
                        + "unprocessable\",\"title\":\"Release refused\",\"status\":422,\"detail\":\"not now\"}")));
        shipments.stubFor(WireMock.post(urlPathEqualTo("/api/v1/shipments")).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", PROBLEM)
                        .withBody("{\"type\":\"https://corridor.example/problems/conflict\",\"title\":\"Refused\","
                                + "\"status\":409,\"detail\":\"site closed to deliveries\"}")));

        given().header("Idempotency-Key", "approve-undo-refused").when().post("/api/v1/plans/" + planId
                + "/approval").then().statusCode(202);
        get("/api/v1/plans/" + planId).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("APPROVING"))
                .body("approvalWaitingOn", containsString("undoing the failed approval was refused"))
                .body("approvalWaitingOn", containsString("422"));
        int refusedSoFar = inventory.findAll(postRequestedFor(urlPathEqualTo(release))).size();
        assertTrue(refusedSoFar >= 2, "the refused release is tried again, not given up: " + refusedSoFar);

        inventory.stubFor(WireMock.post(urlPathEqualTo(release)).atPriority(0)
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody(reservation)));
        plan = awaitLeft(planId, "APPROVING");
        assertEquals("SOLVED", plan.getString("status"), plan.prettify());
        assertEquals(409, plan.getInt("approvalError.status"), plan.prettify());
        assertTrue(plan.getString("approvalError.detail").contains("site closed to deliveries"), plan.prettify());
        assertTrue(plan.getString("approvalError.detail").contains("the reservation released"), plan.prettify());
    }

    private static JsonPath awaitLeft(String planId, String status) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        JsonPath plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        while (status.equals(plan.getString("status")) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        }
        return plan;
    }
}
