package org.corridor.allocation.service.approval;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.problem;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * What approval refuses before it commits anything (inventory answered by WireMock, no shipment-service): stale plans
 * (a closed incident, a first departure too far in the past, an access rule now in force over the travel) and plans for
 * units an approval already covers; and what POST /plans refuses (a planFrom before the disaster or far ahead, needs
 * already covered). Each refusal is a 409 or 400 problem, and inventory saw no reservation.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ApprovalChecksTest {

    @Test
    void aPlanOfAClosedIncidentIsStale() throws Exception {
        String incidentId = incidentWithBlankets("Closed valley", "SYR", 100);
        String planId = solved(incidentId, null);
        post("/api/v1/incidents/" + incidentId + "/closure", Map.of()).statusCode(200);

        problem(approve(planId), 409).body("title", equalTo("Plan is stale"))
                .body("detail", containsString("is CLOSED"))
                .body("detail", containsString("Nothing was reserved"));
        get("/api/v1/plans/" + planId).body("status", equalTo("SOLVED"));
    }

    @Test
    void aPlanWhoseDeparturesArePastTheToleranceIsStale() throws Exception {
        String incidentId = incidentWithBlankets("Late plan", "SYR", 100);
        String planId = solved(incidentId, Instant.now().minus(Duration.ofHours(9)).toString());

        problem(approve(planId), 409).body("title", equalTo("Plan is stale"))
                .body("detail", containsString("in the past (at most 6 h are tolerated)"));
    }

    @Test
    void anAccessRuleNowInForceOverALineMakesThePlanStale() throws Exception {
        String incidentId = incidentWithBlankets("Border valley", "JOR", 100);
        String planId = solved(incidentId, null);
        Map<String, Object> rule = new HashMap<>();
        rule.put("originCountryCode", "TUR");
        rule.put("destinationCountryCode", "JOR");
        rule.put("kind", "BORDER_CLOSED");
        rule.put("appliesTo", "MATERIALS");
        rule.put("reason", "crossing closed after the aftershock");
        rule.put("validFrom", Instant.now().minus(Duration.ofHours(1)).toString());
        String ruleId = post("/api/v1/access-rules", rule).statusCode(201).extract().path("id");
        try {
            problem(approve(planId), 409).body("title", equalTo("Plan is stale"))
                    .body("detail", containsString("cross an access rule in force"))
                    .body("detail", containsString("crossing closed after the aftershock"));
        } finally {
            given().when().delete("/api/v1/access-rules/" + ruleId).then().statusCode(204);
        }
    }

    @Test
    void unitsAnApprovalCoversAreNeverCommittedTwice() throws Exception {
        String incidentId = incidentWithBlankets("Twice planned", "SYR", 100);
        String first = solved(incidentId, null);
        String second = solved(incidentId, null);
        String needId = get("/api/v1/incidents/" + incidentId + "/needs").extract().path("items[0].id");
        get("/api/v1/incidents/" + incidentId + "/needs/" + needId).statusCode(200)
                .body("coverage.requested", equalTo(100)).body("coverage.approved", equalTo(0))
                .body("coverage.uncovered", equalTo(100));

        // the first approval commits the need's units (it then waits on the absent shipment-service: APPROVING)
        approve(first).statusCode(202).body("status", equalTo("APPROVING"));
        get("/api/v1/incidents/" + incidentId + "/needs/" + needId).statusCode(200)
                .body("coverage.approved", equalTo(100)).body("coverage.uncovered", equalTo(0));

        problem(approve(second), 409).body("title", equalTo("Needs already covered"))
                .body("detail", containsString("need " + needId + ": plans 100, only 0 of 100 still uncovered"));
        get("/api/v1/plans/" + second).body("status", equalTo("SOLVED"));
        // a new plan plans only what is uncovered: nothing
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(incidentId))), 422)
                .body("title", equalTo("Nothing to plan"))
                .body("detail", containsString("already covered by approved plans"));
    }

    @Test
    void planFromIsNeitherBeforeTheDisasterNorFarAhead() {
        String incidentId = incidentWithBlankets("Dated plans", "SYR", 10);
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(incidentId), "planFrom", "2023-02-05T00:00:00Z")),
                400).body("detail", containsString("is before the incident started (2023-02-06T01:17:00Z)"));
        problem(post("/api/v1/plans", Map.of("incidentIds", List.of(incidentId), "planFrom",
                Instant.now().plus(Duration.ofDays(45)).toString())), 400)
                .body("detail", containsString("more than 30 days ahead"));
    }

    private static String incidentWithBlankets(String name, String country, int quantity) {
        Map<String, Object> incident = incident(name, country, List.of(site(name + " camp", country.equals("JOR")
                ? 32.0
                : 36.2, country.equals("JOR") ? 35.9 : 37.16, 2000)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, quantity, "HIGH");
        return incidentId;
    }

    private static String solved(String incidentId, String planFrom) throws InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(incidentId));
        body.put("termination", Map.of("spentLimit", "PT2S", "unimprovedSpentLimit", "PT1S"));
        if (planFrom != null) {
            body.put("planFrom", planFrom);
        }
        String planId = post("/api/v1/plans", body).statusCode(202).extract().path("id");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        JsonPath plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        while ("SOLVING".equals(plan.getString("status")) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        }
        assertEquals("SOLVED", plan.getString("status"), plan.prettify());
        return planId;
    }

    private static io.restassured.response.ValidatableResponse approve(String planId) {
        return given().header("Idempotency-Key", "approve-" + planId).when()
                .post("/api/v1/plans/" + planId + "/approval").then();
    }
}
