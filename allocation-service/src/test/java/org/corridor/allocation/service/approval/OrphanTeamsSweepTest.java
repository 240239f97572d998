package org.corridor.allocation.service.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.site;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.allocation.support.PlanFixtures;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The orphan team sweep against inventory answered by WireMock: what it releases (the teams of a plan that holds
 * nothing, a team an APPROVED plan does not have) and what it leaves (an APPROVED plan's own team, a plan unknown here,
 * another reference); and its fence: an approval started while the sweep may still release the plan's teams waits, says
 * why, and goes on once the fence is lifted.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class OrphanTeamsSweepTest {

    @InjectWireMock
    WireMockServer inventory;

    @Inject
    OrphanTeams sweep;

    @Inject
    EntityManager em;

    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    @Test
    void releasesTheTeamsOfPlansThatHoldNothingAndKeepsApprovedPlansOwnTeams() {
        String incidentId = (String) incident("Van aftershock", "TUR", List.of(site("Ercis", 39.03, 43.36, 900)))
                .get("id");
        UUID solved = PlanFixtures.solved(incidentId, "{}").save();
        UUID ownTeam = UUID.randomUUID();
        UUID approved = PlanFixtures.approved(incidentId).team(UUID.randomUUID().toString(), ownTeam).save();
        UUID leftBySolved = UUID.randomUUID();
        UUID leftByApproved = UUID.randomUUID();
        UUID ofUnknownPlan = UUID.randomUUID();
        UUID otherReference = UUID.randomUUID();
        assigned(Map.of(leftBySolved, "plan-" + solved, ownTeam, "plan-" + approved, leftByApproved,
                "plan-" + approved, ofUnknownPlan, "plan-" + UUID.randomUUID(), otherReference, "exercise-2023"));

        OrphanReservations.Sweep s = sweep.sweep();

        assertEquals(4, s.looked(), "the team under another reference is not looked at: " + s);
        assertEquals(2, s.released(), s.toString());
        assertEquals(0, s.failed(), s.toString());
        inventory.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/teams/" + leftBySolved + "/assignment"))
                .withQueryParam("reference", equalTo("plan-" + solved)));
        inventory.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/teams/" + leftByApproved + "/assignment"))
                .withQueryParam("reference", equalTo("plan-" + approved)));
        inventory.verify(2, deleteRequestedFor(urlPathMatching("/api/v1/teams/.*/assignment")));
        // the fence the sweep set on the SOLVED plan is lifted once it is done
        assertEquals(null, fenceOf(solved));
    }

    @Test
    void anApprovalStartedWhileTheSweepFencesThePlanWaitsThenGoesOn() throws Exception {
        String incidentId = (String) incident("Hatay floods", "TUR", List.of(site("Antakya", 36.20, 36.16, 700)))
                .get("id");
        UUID planId = PlanFixtures.solved(incidentId, "{}").save();
        Optional<Instant> fence = sweep.fence(planId);
        assertTrue(fence.isPresent(), "a SOLVED plan is fenced");
        assertEquals(Optional.empty(), sweep.fence(planId), "one fence per plan at a time (another replica skips)");

        given().header("Idempotency-Key", "approve-fenced-1").when().post("/api/v1/plans/" + planId + "/approval")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("APPROVING"));
        get("/api/v1/plans/" + planId).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("APPROVING"))
                .body("approvalWaitingOn", containsString("left assigned in inventory are being released"));
        sweep.lift(planId, fence.get());
        assertEquals(null, fenceOf(planId));
        // an APPROVING plan is never fenced: the sweep leaves its teams alone
        assertEquals(Optional.empty(), sweep.fence(planId));

        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        String status = get("/api/v1/plans/" + planId).extract().path("status");
        while (!"APPROVED".equals(status) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            status = get("/api/v1/plans/" + planId).extract().path("status");
        }
        assertEquals("APPROVED", status, "the approval goes on once the fence is lifted");
    }

    @Test
    void aPlanBeingApprovedIsNotFenced() {
        String incidentId = (String) incident("Malatya quake", "TUR", List.of(site("Dogansehir", 38.09, 37.88, 500)))
                .get("id");
        UUID approved = PlanFixtures.approved(incidentId).save();
        assertEquals(Optional.empty(), sweep.fence(approved));
        assertEquals(null, fenceOf(approved));
    }

    private Instant fenceOf(UUID planId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> r = em.createNativeQuery("SELECT orphan_sweep_until FROM plan WHERE id = ?1", Instant.class)
                    .setParameter(1, planId).getResultList();
            return (Instant) r.get(0);
        });
    }

    /** Inventory answers these teams, each ASSIGNED under its reference, and releases any team asked. */
    private void assigned(Map<UUID, String> referenceOfTeam) {
        StringBuilder items = new StringBuilder();
        referenceOfTeam.forEach((id, ref) -> items.append(items.isEmpty() ? "" : ",").append("""
                {"id":"%s","name":"Team %s","countryCode":"TUR","organisationId":"00000000-0000-4000-8000-00000000000b",
                 "type":"USAR_MEDIUM","members":40,"baseLatitude":41.0,"baseLongitude":28.9,"mobilisationHours":6,
                 "selfSufficiencyDays":10,"status":"ASSIGNED","assignmentReference":"%s"}"""
                .formatted(id, id, ref)));
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/teams")).withQueryParam("status", equalTo("ASSIGNED"))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + items + "],\"page\":0,\"size\":500,\"total\":"
                                + referenceOfTeam.size() + "}")));
        inventory.stubFor(WireMock.delete(urlPathMatching("/api/v1/teams/[^/]+/assignment")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
    }
}
