package org.corridor.allocation.service.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Approval when shipment-service cannot be reached (module tests have none) and inventory is answered by WireMock: the
 * reservation is made, the shipment cannot be created, the approval gives up and must be undone, but what the plan
 * holds in shipment-service cannot be checked. The plan must stay APPROVING, saying why, rather than release stock a
 * shipment created by a timed-out request might still use, and the POST answers 202 with the plan to poll.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ApprovalCompensationTest {

    @InjectWireMock
    WireMockServer inventory;

    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    @Test
    void anUndoThatCannotCheckShipmentsWaitsVisiblyAndReleasesNothing() throws Exception {
        Map<String, Object> incident = incident("Aleppo floods", "SYR",
                List.of(site("Aleppo east", 36.20, 37.16, 3000)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 100, "HIGH");
        String planId = post("/api/v1/plans",
                Map.of("incidentIds", List.of(incidentId),
                        "termination", Map.of("spentLimit", "PT3S", "unimprovedSpentLimit", "PT1S")))
                .statusCode(202).extract().path("id");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        JsonPath plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        while ("SOLVING".equals(plan.getString("status")) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        }
        assertEquals("SOLVED", plan.getString("status"), plan.prettify());
        int planned = plan.<Integer>getList("lines.quantity").stream().mapToInt(Integer::intValue).sum();
        assertTrue(planned > 0, plan.prettify());

        UUID reservationId = UUID.randomUUID();
        inventory.stubFor(WireMock.post(urlPathEqualTo("/api/v1/reservations")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + reservationId + "\",\"reference\":\"plan-" + planId
                                + "\",\"status\":\"HELD\",\"lines\":[]}")));

        given().header("Idempotency-Key", "approve-comp-1").when().post("/api/v1/plans/" + planId + "/approval").then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/plans/" + planId))
                .body("status", org.hamcrest.Matchers.equalTo("APPROVING"));
        get("/api/v1/plans/" + planId).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("APPROVING"))
                .body("approvalWaitingOn", containsString("undoing the failed approval waits"))
                .body("approvalWaitingOn", containsString("shipment-service is unavailable"));

        inventory.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/reservations"))
                .withHeader("Idempotency-Key", equalTo("plan-" + planId + "-a1-reservation"))
                .withRequestBody(equalToJson("{\"reference\":\"plan-" + planId + "\",\"lines\":[{\"lotId\":\""
                        + InventoryStubs.LOT_BLANKET_GAZIANTEP + "\",\"quantity\":" + planned + "}]}")));
        // reserving is a SERVICE call: allocation-service presents its own token, not the officer's
        inventory.findAll(postRequestedFor(urlPathEqualTo("/api/v1/reservations")))
                .forEach(org.corridor.allocation.support.ServiceTokenAssert::assertServiceToken);
        // nothing is released while the plan's shipments cannot be checked
        inventory.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/reservations/" + reservationId + "/release")));

        // a retry joins the approval under way: no second reservation for this plan
        given().header("Idempotency-Key", "approve-comp-2").when().post("/api/v1/plans/" + planId + "/approval").then()
                .statusCode(202);
        inventory.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/reservations"))
                .withHeader("Idempotency-Key", WireMock.matching("plan-" + planId + "-.*")));
    }
}
