package org.corridor.allocation.service.queue;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * DELETE /plans/{id}/solving against every moment of a plan's start: right after the 202 (while this replica's worker
 * claims the job, builds the solver and hands the job to OptaPlanner), after a short random delay, twice at once, and
 * on a burst of plans of which some still wait in the queue while others are claimed as earlier ones end. Whatever the
 * timing, a stop answers 200 with the stopped plan (or a 409 problem when a concurrent stop already ended it), never a
 * 500, and every plan ends SOLVED or CANCELLED with {@code stoppedEarly}. Iterations:
 * {@code -Dcorridor.test.stop-race-iterations=N}.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class StopSolvingRaceTest {

    private static final int ITERATIONS = Integer.getInteger("corridor.test.stop-race-iterations", 60);
    private static final Set<String> ENDED = Set.of("SOLVED", "CANCELLED");

    private final Random random = new Random(20261122L);

    private static String submit(String incidentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(incidentId));
        body.put("planFrom", "2023-02-06T06:00:00Z");
        // long limits: nothing but the stop ends these plans
        body.put("termination", Map.of("spentLimit", "PT60S", "unimprovedSpentLimit", "PT60S"));
        return post("/api/v1/plans", body).statusCode(202).extract().path("id");
    }

    private static Response stop(String planId) {
        return given().when().delete("/api/v1/plans/" + planId + "/solving");
    }

    /** A lone stop: nothing else ends the plan, so it must answer 200 with the plan stopped. */
    private static void assertStopped(String planId, Response r) {
        assertEquals(200, r.statusCode(), () -> "stop of " + planId + ": " + r.asString());
        JsonPath plan = r.jsonPath();
        assertTrue(ENDED.contains(plan.getString("status")), () -> "stop of " + planId + ": " + r.asString());
        assertTrue(plan.getBoolean("stoppedEarly"), () -> "stop of " + planId + ": " + r.asString());
    }

    /** One of several stops of the same plan: 200 with the plan, or a 409 problem if another stop ended it first. */
    private static void assertStoppedOrConflict(String planId, Response r) {
        if (r.statusCode() == 409) {
            assertTrue(r.contentType().startsWith("application/problem+json"), r::asString);
            assertEquals(409, r.jsonPath().getInt("status"));
            return;
        }
        assertStopped(planId, r);
    }

    /** Polls until the plan has left SOLVING (a wait, not a timing assertion) and checks how it ended. */
    private static void assertEndsStopped(String planId) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            JsonPath plan = get("/api/v1/plans/" + planId).statusCode(200).extract().jsonPath();
            if (!"SOLVING".equals(plan.getString("status"))) {
                assertTrue(ENDED.contains(plan.getString("status")), () -> planId + ": " + plan.prettify());
                assertTrue(plan.getBoolean("stoppedEarly"), () -> planId + ": " + plan.prettify());
                return;
            }
            Thread.sleep(200);
        }
        fail("plan " + planId + " still SOLVING after it was stopped");
    }

    @Test
    void stoppingAPlanAtAnyMomentOfItsStartNeverFails() throws Exception {
        Map<String, Object> incident = incident("Stop race", "TUR", List.of(site("Stop race camp", 37.0, 36.0, 500)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 20, "HIGH");

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> plans = new ArrayList<>();
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                switch (i % 4) {
                    case 0 -> {
                        // at once: the worker's nudge is claiming and starting the job right now
                        String id = submit(incidentId);
                        plans.add(id);
                        assertStopped(id, stop(id));
                    }
                    case 1 -> {
                        String id = submit(incidentId);
                        plans.add(id);
                        Thread.sleep(random.nextInt(300));
                        assertStopped(id, stop(id));
                    }
                    case 2 -> {
                        // two stops of the same plan at once
                        String id = submit(incidentId);
                        plans.add(id);
                        Future<Response> a = pool.submit(() -> stop(id));
                        Future<Response> b = pool.submit(() -> stop(id));
                        Response ra = a.get();
                        Response rb = b.get();
                        assertStoppedOrConflict(id, ra);
                        assertStoppedOrConflict(id, rb);
                        assertTrue(ra.statusCode() == 200 || rb.statusCode() == 200,
                                () -> "neither stop of " + id + " answered 200: " + ra.asString() + " / "
                                        + rb.asString());
                    }
                    default -> {
                        // a burst larger than the replica's max-concurrent-solves: some stay QUEUED, and each end
                        // nudges the worker to claim the next while the others are being stopped
                        List<String> burst = new ArrayList<>();
                        for (int k = 0; k < 6; k++) {
                            burst.add(submit(incidentId));
                        }
                        plans.addAll(burst);
                        Collections.shuffle(burst, random);
                        List<Future<Response>> answers = new ArrayList<>();
                        for (String id : burst) {
                            answers.add(pool.submit(() -> stop(id)));
                        }
                        for (int k = 0; k < burst.size(); k++) {
                            assertStopped(burst.get(k), answers.get(k).get());
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : plans) {
            assertEndsStopped(id);
        }
    }
}
