package org.corridor.allocation.service.queue;

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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.TransportMode;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL solving queue, with this replica's worker switched off so the test plays the replicas itself: it
 * claims, renews, writes and cancels as named replicas through {@link PlanJobs} and {@link PlanResults}, against the
 * real (embedded) PostgreSQL.
 */
@QuarkusTest
@TestProfile(PlanQueueTest.QueueOnly.class)
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class PlanQueueTest {

    /** No claiming on its own: every claim in these tests is made by the test. */
    public static class QueueOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("corridor.plans.worker-enabled", "false", "corridor.plans.lease", "3s",
                    "corridor.plans.instance-id", "replica-here", "corridor.plans.max-attempts", "3",
                    "corridor.plans.stop-wait", "60s");
        }
    }

    private static final Duration LONG = Duration.ofMinutes(5);

    @Inject
    PlanJobs jobs;

    @Inject
    PlanResults results;

    @Inject
    PlanWorker worker;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyTheQueue() throws Exception {
        // every test starts with nothing claimable: jobs other tests left behind are closed
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE plan_job SET status = 'CANCELLED' WHERE status IN ('QUEUED', 'RUNNING')");
            s.executeUpdate("UPDATE plan SET status = 'CANCELLED' WHERE status = 'SOLVING'");
        }
    }

    private static String submit(String name, String spent) {
        Map<String, Object> incident = incident(name, "TUR", List.of(site(name + " camp", 37.0, 36.0, 500)));
        String incidentId = (String) incident.get("id");
        need(incidentId, siteId(incident, 0), InventoryStubs.BLANKET, 20, "HIGH");
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(incidentId));
        body.put("planFrom", "2023-02-06T06:00:00Z");
        body.put("termination", Map.of("spentLimit", spent, "unimprovedSpentLimit", spent));
        return post("/api/v1/plans", body).statusCode(202).body("status", equalTo("SOLVING"))
                .body("attempts", equalTo(0)).body("solvedBy", nullValue()).extract().path("id");
    }

    /** Claims as {@code owner} until a job is claimable (a lease in the test expires meanwhile). */
    private PlanJobs.Claim claimWhenAvailable(String owner, Duration lease) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(giveUp)) {
            Optional<PlanJobs.Claim> c = jobs.claim(owner, lease, 3);
            if (c.isPresent()) {
                return c.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing claimable for " + owner);
    }

    private static JsonPath plan(String id) {
        return get("/api/v1/plans/" + id).statusCode(200).extract().jsonPath();
    }

    private static PlanOutcome outcome(long soft, int quantity) {
        PlanOutcome.Line line = new PlanOutcome.Line(UUID.randomUUID(), UUID.randomUUID(), InventoryStubs.BLANKET,
                InventoryStubs.LOT_BLANKET_GAZIANTEP, InventoryStubs.DEPOT_GAZIANTEP, "TUR", quantity,
                TransportMode.ROAD,
                Instant.parse("2023-02-06T06:00:00Z"), Instant.parse("2023-02-06T20:00:00Z"));
        return new PlanOutcome("0hard/0medium/" + soft + "soft", true, 0, 0, soft, List.of(line), List.of(), List.of());
    }

    @Test
    void aClaimIsExclusiveAndSkipsJobsAnotherClaimerHolds() throws Exception {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plans.add(submit("Exclusive " + i, "PT1S"));
        }
        String held = plans.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Connection other = dataSource.getConnection()) {
            // another claimer is in the middle of its transaction on the oldest job
            other.setAutoCommit(false);
            try (PreparedStatement lock = other
                    .prepareStatement("SELECT plan_id FROM plan_job WHERE plan_id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(held));
                assertTrue(lock.executeQuery().next());
            }
            // six claimers at once for the five other jobs: none waits for the held row, none gets a job twice
            List<Future<Optional<PlanJobs.Claim>>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String owner = "replica-" + i;
                Callable<Optional<PlanJobs.Claim>> claim = () -> jobs.claim(owner, LONG, 3);
                futures.add(pool.submit(claim));
            }
            List<PlanJobs.Claim> claims = new ArrayList<>();
            for (Future<Optional<PlanJobs.Claim>> f : futures) {
                f.get(2, TimeUnit.MINUTES).ifPresent(claims::add);
            }
            Set<UUID> claimed = new HashSet<>();
            claims.forEach(c -> claimed.add(c.lease().planId()));
            assertEquals(5, claims.size(), "five jobs were free, one claimer got nothing: " + claims);
            assertEquals(5, claimed.size(), "each job claimed once: " + claims);
            assertFalse(claimed.contains(UUID.fromString(held)), "the locked job was skipped");
            claims.forEach(c -> assertEquals(1, c.lease().attempt()));
            // nothing else is claimable while the held row stays locked and the other leases run
            assertEquals(Optional.empty(), jobs.claim("replica-late", LONG, 3));
            other.rollback();
        } finally {
            pool.shutdownNow();
        }
        // the other claimer gave up its transaction: the job is claimable now
        PlanJobs.Claim last = jobs.claim("replica-late", LONG, 3).orElseThrow();
        assertEquals(held, last.lease().planId().toString());
        get("/api/v1/plans/" + held).body("solvedBy", equalTo("replica-late")).body("attempts", equalTo(1))
                .body("status", equalTo("SOLVING"));
    }

    @Test
    void aJobWhoseLeaseExpiredIsClaimedAgainByAnotherReplica() throws Exception {
        String planId = submit("Expired lease", "PT1S");
        PlanJobs.Claim first = jobs.claim("replica-a", Duration.ofMillis(800), 3).orElseThrow();
        assertEquals(planId, first.lease().planId().toString());
        assertEquals(1, first.lease().attempt());
        // while the lease runs nobody else gets the job
        assertEquals(Optional.empty(), jobs.claim("replica-b", LONG, 3));

        PlanJobs.Claim second = claimWhenAvailable("replica-b", LONG);
        assertEquals(planId, second.lease().planId().toString());
        assertEquals(2, second.lease().attempt());
        get("/api/v1/plans/" + planId).body("solvedBy", equalTo("replica-b")).body("attempts", equalTo(2))
                .body("status", equalTo("SOLVING"));
        List<PlanJobs.ClaimRecord> log = jobs.claims(first.lease().planId());
        assertEquals(2, log.size());
        assertEquals("replica-a", log.get(0).owner());
        assertEquals("EXPIRED", log.get(0).outcome());
        assertEquals(first.leaseExpiresAt(), log.get(0).endedAt(), "the first claim ended when its lease expired");
        assertTrue(!log.get(1).claimedAt().isBefore(log.get(0).endedAt()),
                "claimed again only after the expiry: " + log);
        assertEquals("replica-b", log.get(1).owner());
        // the first owner learns at its next heartbeat that the job is no longer its own
        assertEquals(PlanJobs.Renewal.LOST, jobs.renew(first.lease(), LONG));
        assertEquals(PlanJobs.Renewal.RENEWED, jobs.renew(second.lease(), LONG));
    }

    @Test
    void fencingRefusesTheWritesOfAReplicaThatLostItsLease() throws Exception {
        String planId = submit("Fencing", "PT1S");
        PlanJobs.Claim stale = jobs.claim("replica-paused", Duration.ofMillis(500), 3).orElseThrow();
        assertTrue(results.saveProgress(stale.lease(), outcome(-100, 5)), "its own claim may write");
        assertEquals("0hard/0medium/-100soft", plan(planId).getString("score"));

        // replica-paused stalls (a long GC pause) past its lease; replica-b takes the job over
        PlanJobs.Claim current = claimWhenAvailable("replica-b", LONG);
        assertEquals(2, current.lease().attempt());
        // the paused replica's best solution so far and its final plan are both refused
        assertFalse(results.saveProgress(stale.lease(), outcome(-1, 7)));
        assertFalse(results.saveFinal(stale.lease(), PlanStatus.SOLVED, outcome(-1, 7), null, false, null));
        JsonPath afterStale = plan(planId);
        assertEquals("SOLVING", afterStale.getString("status"));
        assertEquals("0hard/0medium/-100soft", afterStale.getString("score"), "the earlier best plan stays visible");
        assertEquals(List.of(5), afterStale.getList("lines.quantity"));

        // the current owner's writes go through
        assertTrue(results.saveProgress(current.lease(), outcome(-50, 6)));
        assertEquals("0hard/0medium/-50soft", plan(planId).getString("score"));
        assertTrue(results.saveFinal(current.lease(), PlanStatus.SOLVED, outcome(-40, 6), null, false, null));
        // and after it finished, the stale one still cannot overwrite anything
        assertFalse(results.saveFinal(stale.lease(), PlanStatus.FAILED, null, null, false, "late"));
        get("/api/v1/plans/" + planId).body("status", equalTo("SOLVED")).body("score", equalTo("0hard/0medium/-40soft"))
                .body("lines.quantity", equalTo(List.of(6))).body("solvedBy", equalTo("replica-b"))
                .body("attempts", equalTo(2)).body("failureReason", nullValue());
        assertEquals(PlanJobs.Renewal.LOST, jobs.renew(current.lease(), LONG), "a finished job has no lease to renew");
        List<PlanJobs.ClaimRecord> log = jobs.claims(UUID.fromString(planId));
        assertEquals(List.of("EXPIRED", "FINISHED"), log.stream().map(PlanJobs.ClaimRecord::outcome).toList());
    }

    @Test
    void cancellingAQueuedPlanCancelsItAtOnce() {
        String planId = submit("Cancel queued", "PT1S");
        given().when().delete("/api/v1/plans/" + planId + "/solving").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("stoppedEarly", equalTo(true))
                .body("failureReason", containsString("before any replica was solving it"))
                .body("attempts", equalTo(0)).body("finishedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(Optional.empty(), jobs.claim("replica-a", LONG, 3), "a cancelled job is never claimed");
        assertEquals("CANCELLED", jobs.find(UUID.fromString(planId)).orElseThrow().status.name());
        problem(given().when().delete("/api/v1/plans/" + planId + "/solving").then(), 409)
                .body("detail", containsString("CANCELLED"));
        problem(given().when().delete("/api/v1/plans/" + UUID.randomUUID() + "/solving").then(), 404);
    }

    @Test
    void cancellingOnAReplicaThatDoesNotSolveThePlanReachesTheOwner() throws Exception {
        String planId = submit("Cancel elsewhere", "PT5M");
        PlanJobs.Claim owner = jobs.claim("replica-elsewhere", LONG, 3).orElseThrow();
        assertTrue(results.saveProgress(owner.lease(), outcome(-10, 4)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // DELETE on this replica, which is not solving the plan: it records the request and waits
            Future<JsonPath> stopped = pool.submit(() -> given().when().delete("/api/v1/plans/" + planId + "/solving")
                    .then().statusCode(200).extract().jsonPath());
            // the owner's heartbeat sees the request...
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
            PlanJobs.Renewal seen = jobs.renew(owner.lease(), LONG);
            while (seen != PlanJobs.Renewal.CANCEL_REQUESTED && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
                seen = jobs.renew(owner.lease(), LONG);
            }
            assertEquals(PlanJobs.Renewal.CANCEL_REQUESTED, seen);
            assertFalse(stopped.isDone(), "the DELETE waits for the owner");
            // ...and records its best plan as stopped early, which the DELETE answers
            assertTrue(results.saveFinal(owner.lease(), PlanStatus.SOLVED, outcome(-10, 4), null, true, null));
            JsonPath answer = stopped.get(2, TimeUnit.MINUTES);
            assertEquals("SOLVED", answer.getString("status"));
            assertTrue(answer.getBoolean("stoppedEarly"));
            assertEquals("replica-elsewhere", answer.getString("solvedBy"));
            assertEquals(List.of(4), answer.getList("lines.quantity"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPlanWhoseReplicasKeepDyingFailsAfterTheAttemptCap() throws Exception {
        String planId = submit("Attempt cap", "PT1S");
        Set<Integer> attempts = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            PlanJobs.Claim c = claimWhenAvailable("replica-doomed-" + i, Duration.ofMillis(300));
            assertEquals(planId, c.lease().planId().toString());
            attempts.add(c.lease().attempt());
        }
        assertEquals(Set.of(1, 2, 3), attempts);
        // the third lease expires too: the next claimer gives the plan up instead of solving it again
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while ("SOLVING".equals(plan(planId).getString("status")) && Instant.now().isBefore(giveUp)) {
            assertEquals(Optional.empty(), jobs.claim("replica-next", LONG, 3));
            Thread.sleep(100);
        }
        get("/api/v1/plans/" + planId).body("status", equalTo("FAILED")).body("attempts", equalTo(3))
                .body("failureReason", containsString("attempted 3 times"))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals("FAILED", jobs.find(UUID.fromString(planId)).orElseThrow().status.name());
        assertEquals(List.of("EXPIRED", "EXPIRED", "EXPIRED"),
                jobs.claims(UUID.fromString(planId)).stream().map(PlanJobs.ClaimRecord::outcome).toList());
        problem(given().when().delete("/api/v1/plans/" + planId + "/solving").then(), 409);
    }

    @Test
    void aJobGivenBackAtShutdownIsClaimedAtOnceAndDoesNotCountAsAnAttempt() {
        String planId = submit("Shutdown", "PT1S");
        PlanJobs.Claim leaving = jobs.claim("replica-leaving", LONG, 1).orElseThrow();
        assertTrue(jobs.release(leaving.lease()));
        // no wait for the lease: claimable at once, and with max-attempts 1 still solved
        PlanJobs.Claim next = jobs.claim("replica-staying", LONG, 1).orElseThrow();
        assertEquals(planId, next.lease().planId().toString());
        assertEquals(2, next.lease().attempt());
        assertFalse(results.saveProgress(leaving.lease(), outcome(-1, 1)), "the leaving replica's writes are refused");
        assertEquals(List.of("RELEASED"), jobs.claims(UUID.fromString(planId)).stream()
                .map(PlanJobs.ClaimRecord::outcome).filter(o -> o != null).toList());
    }

    @Test
    void aPlanLeftByADeadReplicaIsSolvedHereOnceItsLeaseExpires() throws Exception {
        String planId = submit("Restart", "PT2S");
        // a replica claimed it and died without a word
        PlanJobs.Claim dead = jobs.claim("replica-dead", Duration.ofMillis(800), 3).orElseThrow();
        assertEquals(planId, dead.lease().planId().toString());
        get("/api/v1/plans/" + planId).body("status", equalTo("SOLVING")).body("solvedBy", equalTo("replica-dead"));
        // this replica's worker takes it over once the lease has expired, and solves it from scratch
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        int started = 0;
        while (started == 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            started = worker.poll();
        }
        assertEquals(1, started);
        JsonPath done = plan(planId);
        giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while ("SOLVING".equals(done.getString("status")) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            done = plan(planId);
        }
        assertEquals("SOLVED", done.getString("status"), done.prettify());
        assertEquals("replica-here", done.getString("solvedBy"));
        assertEquals(2, done.getInt("attempts"));
        assertEquals(20, done.getList("lines.quantity", Integer.class).stream().mapToInt(Integer::intValue).sum());
        get("/api/v1/plans/" + planId + "/analysis").statusCode(200);
        List<PlanJobs.ClaimRecord> log = jobs.claims(UUID.fromString(planId));
        assertEquals(List.of("replica-dead", "replica-here"), log.stream().map(PlanJobs.ClaimRecord::owner).toList());
        assertEquals(List.of("EXPIRED", "FINISHED"), log.stream().map(PlanJobs.ClaimRecord::outcome).toList());
        assertNotEquals(null, log.get(1).endedAt());
    }
}
