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
 * Approval when undoing itself fails, with inventory answered by WireMock and shipment-service absent: the reservation
 * is made, the shipment cannot be created (503), and releasing the reservation fails too. The answer must say so rather
 * than claim nothing was kept.
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
    void aFailedCompensationIsReportedAndTheNextAttemptUsesANewKey() throws Exception {
        Map<String, Object> incident = incident("Aleppo floods", "SYR",
                List.of(site("Aleppo east", 36.20, 37.16, 3000)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 100, "HIGH");
        String planId = post("/api/v1/plans",
                Map.of("incidentIds", List.of(incidentId), "planFrom", "2023-02-06T06:00:00Z",
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
        inventory.stubFor(WireMock.post(urlPathEqualTo("/api/v1/reservations/" + reservationId + "/release"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"database down\"}")));

        given().header("Idempotency-Key", "approve-comp-1").when().post("/api/v1/plans/" + planId + "/approval").then()
                .statusCode(503)
                .body("title", org.hamcrest.Matchers.equalTo("Shipment service unavailable"))
                .body("detail", containsString("Undoing it was incomplete"))
                .body("detail", containsString("reservation " + reservationId + " could not be released"));
        get("/api/v1/plans/" + planId).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SOLVED"));

        inventory.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/reservations"))
                .withHeader("Idempotency-Key", equalTo("plan-" + planId + "-attempt-1"))
                .withRequestBody(equalToJson("{\"reference\":\"plan-" + planId + "\",\"lines\":[{\"lotId\":\""
                        + InventoryStubs.LOT_BLANKET_GAZIANTEP + "\",\"quantity\":" + planned + "}]}")));
        // the release was tried, and retried, before giving up
        inventory.verify(3, postRequestedFor(urlPathEqualTo("/api/v1/reservations/" + reservationId + "/release")));
        // reserving and releasing are SERVICE calls: allocation-service presents its own token, not the officer's
        inventory.findAll(postRequestedFor(urlPathEqualTo("/api/v1/reservations")))
                .forEach(org.corridor.allocation.support.ServiceTokenAssert::assertServiceToken);
        inventory.findAll(postRequestedFor(urlPathEqualTo("/api/v1/reservations/" + reservationId + "/release")))
                .forEach(org.corridor.allocation.support.ServiceTokenAssert::assertServiceToken);

        // another attempt never replays the first one's reservation: it uses attempt 2's key
        given().header("Idempotency-Key", "approve-comp-1").when().post("/api/v1/plans/" + planId + "/approval").then()
                .statusCode(503);
        inventory.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/reservations"))
                .withHeader("Idempotency-Key", equalTo("plan-" + planId + "-attempt-2")));
    }
}
