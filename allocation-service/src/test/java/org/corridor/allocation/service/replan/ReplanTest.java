package org.corridor.allocation.service.replan;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Re-planning through the API with inventory answered by WireMock: a plan is solved, then recorded as approved in the
 * database (as its approval would leave it: lines APPROVED on shipments, one reservation); a re-plan of it keeps every
 * approved line as it was, covers only what is new, and {@code GET /plans/{id}/changes} says exactly that. What a
 * re-plan refuses, and what coverage counts, are checked too.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ReplanTest {

    @Inject
    EntityManager em;

    @Test
    void aRePlanKeepsTheApprovedLinesAndCoversOnlyWhatIsNew() throws Exception {
        Map<String, Object> incident = incident("Replan valley", "TUR",
                List.of(site("Replan camp", 36.2, 37.16, 2000)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 100, "HIGH");
        String base = solved(body(incidentId, null));
        approveInDatabase(base);
        JsonPath approved = get("/api/v1/plans/" + base).extract().jsonPath();
        Map<String, Integer> before = perNeedAndLot(approved);

        // nothing new: the re-plan is the base again, and changes nothing
        String same = solved(body(incidentId, base));
        get("/api/v1/plans/" + same).body("basePlanId", equalTo(base)).body("releaseUndispatched", equalTo(false));
        assertEquals(before, perNeedAndLot(get("/api/v1/plans/" + same).extract().jsonPath()));
        get("/api/v1/plans/" + same + "/changes").statusCode(200).body("basePlanId", equalTo(base))
                .body("lines.added.size()", equalTo(0)).body("lines.removed.size()", equalTo(0))
                .body("lines.changed.size()", equalTo(0)).body("teamAssignments.added.size()", equalTo(0));

        // a new need: the re-plan keeps the base's lines and adds only lines for it
        String newNeed = need(incidentId, siteId(incident, 0), InventoryStubs.TENT, 20, "CRITICAL");
        String replan = solved(body(incidentId, base));
        Map<String, Integer> after = perNeedAndLot(get("/api/v1/plans/" + replan).extract().jsonPath());
        before.forEach((k, q) -> assertEquals(q, after.get(k), "base line " + k + " kept"));
        JsonPath changes = get("/api/v1/plans/" + replan + "/changes").statusCode(200).extract().jsonPath();
        assertEquals(0, changes.getList("lines.removed").size());
        assertEquals(0, changes.getList("lines.changed").size());
        List<Map<String, Object>> added = changes.getList("lines.added");
        assertTrue(!added.isEmpty(), "lines for the new need");
        added.forEach(a -> assertEquals(newNeed, a.get("needId")));
        assertEquals(20, added.stream().mapToInt(a -> ((Number) a.get("quantity")).intValue()).sum());
        added.forEach(a -> assertEquals(0, ((Number) a.get("baseQuantity")).intValue()));

        // only the approved base counts towards coverage until the re-plan is approved
        JsonPath needs = get("/api/v1/incidents/" + incidentId + "/needs").extract().jsonPath();
        for (Map<String, Object> n : needs.<Map<String, Object>>getList("items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) n.get("coverage");
            int expected = n.get("id").equals(newNeed) ? 0 : 100;
            assertEquals(expected, ((Number) c.get("approved")).intValue(), "approved of " + n.get("itemCode"));
        }
        // a plan without a base: every line is added
        get("/api/v1/plans/" + base + "/changes").statusCode(200).body("basePlanId", equalTo(null))
                .body("lines.removed.size()", equalTo(0))
                .body("lines.added.size()", equalTo(approved.getList("lines").size()));
    }

    @Test
    void aRePlanNeedsAnApprovedBaseOfTheSameIncidents() throws Exception {
        Map<String, Object> incident = incident("Refused valley", "TUR",
                List.of(site("Refused camp", 36.2, 37.16, 2000)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 10, "HIGH");
        String solvedOnly = solved(body(incidentId, null));

        problem(post("/api/v1/plans", body(incidentId, solvedOnly)), 409)
                .body("detail", containsString("only an APPROVED plan can be re-planned"));
        UUID unknown = UUID.randomUUID();
        problem(post("/api/v1/plans", body(incidentId, unknown.toString())), 422)
                .body("detail", containsString(unknown.toString()));
        Map<String, Object> other = incident("Other valley", "TUR", List.of(site("Other camp", 36.3, 37.1, 10)));
        need((String) other.get("id"), siteId(other, 0), InventoryStubs.BLANKET, 5, "LOW");
        approveInDatabase(solvedOnly);
        problem(post("/api/v1/plans", body((String) other.get("id"), solvedOnly)), 422)
                .body("detail", containsString("same incidents"));
        get("/api/v1/plans/" + UUID.randomUUID() + "/changes").statusCode(404);
    }

    private static Map<String, Object> body(String incidentId, String basePlanId) {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(incidentId));
        body.put("termination", Map.of("spentLimit", "PT2S", "unimprovedSpentLimit", "PT1S"));
        if (basePlanId != null) {
            body.put("basePlanId", basePlanId);
        }
        return body;
    }

    /** What an approval leaves: the plan APPROVED, its lines APPROVED on one shipment per group, one reservation. */
    private void approveInDatabase(String planId) {
        UUID id = UUID.fromString(planId);
        UUID reservation = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE plan SET status = 'APPROVED', reservation_id = ?1, approved_at = now() "
                    + "WHERE id = ?2").setParameter(1, reservation).setParameter(2, id).executeUpdate();
            em.createNativeQuery("UPDATE plan_line SET state = 'APPROVED', reservation_id = ?1, "
                    + "shipment_id = md5(plan_id::text || depot_id::text || site_id::text || mode)::uuid "
                    + "WHERE plan_id = ?2").setParameter(1, reservation).setParameter(2, id).executeUpdate();
            em.createNativeQuery("UPDATE plan_team_assignment SET reference = 'plan-' || plan_id WHERE plan_id = ?1")
                    .setParameter(1, id).executeUpdate();
        });
    }

    private static Map<String, Integer> perNeedAndLot(JsonPath plan) {
        Map<String, Integer> out = new TreeMap<>();
        for (Map<String, Object> l : plan.<Map<String, Object>>getList("lines")) {
            out.merge(l.get("needId") + "/" + l.get("lotId") + "/" + l.get("mode"),
                    ((Number) l.get("quantity")).intValue(), Integer::sum);
        }
        return out;
    }

    private static String solved(Map<String, Object> body) throws InterruptedException {
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
}
