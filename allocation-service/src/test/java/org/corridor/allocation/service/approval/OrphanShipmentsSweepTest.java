package org.corridor.allocation.service.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.support.InjectShipmentWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.PlanFixtures;
import org.corridor.allocation.support.ShipmentWireMock;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The orphan shipment sweep against shipment-service answered by WireMock: it cancels the PLANNED shipments of a plan
 * that holds nothing and a PLANNED shipment an APPROVED plan's lines are not carried by, and leaves the APPROVED plan's
 * own shipment and a shipment of a plan unknown here.
 */
@QuarkusTest
@QuarkusTestResource(value = ShipmentWireMock.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class OrphanShipmentsSweepTest {

    @InjectShipmentWireMock
    WireMockServer shipments;

    @Inject
    OrphanShipments sweep;

    @AfterEach
    void restoreShipments() {
        ShipmentWireMock.stubDefaults(shipments);
    }

    @Test
    void cancelsWhatApprovalsThatEndedLeftPlannedAndKeepsApprovedPlansOwnShipments() {
        Map<String, Object> incident = incident("Elbistan quake", "TUR", List.of(site("Elbistan", 38.2, 37.2, 800)));
        String incidentId = (String) incident.get("id");
        String needId = need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 50, "HIGH");
        UUID solved = PlanFixtures.solved(incidentId, "{}").save();
        PlanFixtures approvedPlan = PlanFixtures.approved(incidentId).line(needId, siteId(incident, 0),
                InventoryStubs.BLANKET, InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR", 50, LineState.APPROVED);
        UUID own = approvedPlan.lastShipment();
        UUID approved = approvedPlan.save();
        UUID leftBySolved = UUID.randomUUID();
        UUID leftByApproved = UUID.randomUUID();
        UUID ofUnknownPlan = UUID.randomUUID();
        Map<UUID, UUID> planOfShipment = new LinkedHashMap<>();
        planOfShipment.put(leftBySolved, solved);
        planOfShipment.put(own, approved);
        planOfShipment.put(leftByApproved, approved);
        planOfShipment.put(ofUnknownPlan, UUID.randomUUID());
        planned(planOfShipment);

        OrphanReservations.Sweep s = sweep.sweep();

        assertEquals(new OrphanReservations.Sweep(4, 2, 0), s);
        shipments.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/shipments/" + leftBySolved + "/events"))
                .withRequestBody(containing("\"CANCELLED\"")));
        shipments.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/shipments/" + leftByApproved + "/events"))
                .withRequestBody(containing("\"CANCELLED\"")));
        shipments.verify(2, postRequestedFor(urlPathMatching("/api/v1/shipments/.*/events")));
    }

    /** shipment-service answers these PLANNED shipments, each of its plan, and accepts any event. */
    private void planned(Map<UUID, UUID> planOfShipment) {
        StringBuilder items = new StringBuilder();
        planOfShipment.forEach((id, plan) -> items.append(items.isEmpty() ? "" : ",").append("""
                {"id":"%s","planId":"%s","status":"PLANNED","dispatchedAt":null,"lines":null,"lineCount":3}"""
                .formatted(id, plan)));
        // the sweep asks for the shipments without their lines: it needs ids, plans and statuses only
        shipments.stubFor(WireMock.get(urlPathEqualTo("/api/v1/shipments")).withQueryParam("status",
                equalTo("PLANNED")).withQueryParam("lines", equalTo("false")).atPriority(1).willReturn(aResponse()
                        .withHeader("Content-Type",
                                "application/json")
                        .withBody("{\"items\":[" + items + "],\"page\":0,\"size\":100,\"total\":"
                                + planOfShipment.size() + "}")));
        shipments.stubFor(WireMock.post(urlPathMatching("/api/v1/shipments/[^/]+/events")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
    }
}
