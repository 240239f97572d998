package org.corridor.allocation.service.queue;

import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * A plan submitted to this replica is claimed at once, not at the worker's next poll: the worker is nudged when the
 * transaction that recorded the plan and its job has committed. The poll interval here is an hour, so only the nudge
 * can start the solve.
 */
@QuarkusTest
@TestProfile(PlanWorkerNudgeTest.HourlyPoll.class)
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class PlanWorkerNudgeTest {

    /** The scheduled poll runs once at start-up, then not for an hour. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("corridor.plans.poll-interval", "1h", "corridor.plans.instance-id", "replica-nudged");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aPlanSubmittedHereIsClaimedAtOnce() throws Exception {
        // nothing else to claim: jobs other tests left behind are closed
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE plan_job SET status = 'CANCELLED' WHERE status IN ('QUEUED', 'RUNNING')");
            s.executeUpdate("UPDATE plan SET status = 'CANCELLED' WHERE status = 'SOLVING'");
        }
        Map<String, Object> incident = incident("Nudge", "TUR", List.of(site("Nudge camp", 37.0, 36.0, 500)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 20, "HIGH");
        String planId = post("/api/v1/plans", Map.of("incidentIds", List.of(incidentId), "planFrom",
                "2023-02-06T06:00:00Z", "termination", Map.of("spentLimit", "PT1S", "unimprovedSpentLimit", "PT1S")))
                .statusCode(202).body("status", equalTo("SOLVING")).extract().path("id");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        JsonPath plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        while ("SOLVING".equals(plan.getString("status")) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            plan = get("/api/v1/plans/" + planId).extract().jsonPath();
        }
        assertEquals("SOLVED", plan.getString("status"), plan.prettify());
        assertEquals("replica-nudged", plan.getString("solvedBy"));
        assertEquals(1, plan.getInt("attempts"));
    }
}
