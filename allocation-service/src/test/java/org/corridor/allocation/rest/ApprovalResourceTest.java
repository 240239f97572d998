package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.service.PlanStore;
import org.corridor.allocation.service.queue.PlanResults;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

/** Refusals of POST /plans/{id}/approval that happen before any other service is called. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ApprovalResourceTest {

    @Inject
    PlanStore store;

    @Inject
    PlanResults results;

    private static io.restassured.response.ValidatableResponse approve(Object planId, String key) {
        var req = given();
        if (key != null) {
            req = req.header("Idempotency-Key", key);
        }
        return req.when().post("/api/v1/plans/" + planId + "/approval").then();
    }

    @Test
    void theIdempotencyKeyIsRequired() {
        approve(UUID.randomUUID(), null).statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("Idempotency-Key"));
        approve(UUID.randomUUID(), " ").statusCode(400);
        approve(UUID.randomUUID(), "k".repeat(201)).statusCode(400);
    }

    @Test
    void anUnknownPlanIs404() {
        UUID id = UUID.randomUUID();
        approve(id, "approve-unknown").statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString(id.toString()));
    }

    @Test
    void aMalformedPlanIdIs404() {
        approve("not-a-uuid", "approve-malformed").statusCode(404);
    }

    @Test
    void onlyASolvedPlanCanBeApproved() {
        UUID solving = store.createSolving(List.of(UUID.randomUUID()), Instant.now(), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Map.of());
        approve(solving, "approve-solving").statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("title", equalTo("Plan not approvable"))
                .body("detail", containsString("is SOLVING; only a SOLVED plan can be approved"));

        UUID failed = store.createSolving(List.of(UUID.randomUUID()), Instant.now(), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Map.of());
        results.saveFinal(failed, PlanStatus.FAILED, null, null, false, "no feasible plan");
        approve(failed, "approve-failed").statusCode(409).body("detail", containsString("is FAILED"));
        // a refusal is not stored against the key, and the plan is unchanged
        approve(failed, "approve-failed").statusCode(409);
        given().when().get("/api/v1/plans/" + failed).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("shipmentIds.size()", equalTo(0));
    }
}
