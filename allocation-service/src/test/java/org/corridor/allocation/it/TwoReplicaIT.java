package org.corridor.allocation.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;
import org.corridor.local.PgAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two allocation-service replicas on one database (plus the real inventory- and shipment-service), sharing the
 * PostgreSQL solving queue with a 4 s lease: plans submitted to one replica and polled on the other, each solved
 * exactly once; a cancel sent to the replica that is not solving the plan; the replica solving a plan killed (SIGKILL)
 * so the other finishes it once the lease expires; and a replica shut down gracefully giving its plan back at once. The
 * timelines are printed to the test output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicaIT {

    /** Process names in CorridorSystem. */
    static final String A = "allocation";
    static final String B = "allocation-2";
    /** Their instance ids in the queue. */
    static final Map<String, String> INSTANCE_ID = Map.of(A, "replica-a", B, "replica-b");
    static final Duration LEASE = Duration.ofSeconds(4);

    static CorridorSystem system;
    static String incidentId;

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>();
        env.put("ALLOCATION_INSTANCE_ID", INSTANCE_ID.get(A));
        env.put("CORRIDOR_PLANS_LEASE", LEASE.toSeconds() + "s");
        system = CorridorSystem.start(Path.of("target/it-logs/two-replicas"), env);
        system.startReplica("allocation", B, Map.of("ALLOCATION_INSTANCE_ID", INSTANCE_ID.get(B)));
        incidentId = smallInstance();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    /** An officer's requests to one allocation replica (or any service). */
    static RequestSpecification api(String instance) {
        return Scenario.as(system, instance, system.tokens().forRoles(Roles.LOGISTICS_OFFICER));
    }

    static String other(String instance) {
        return A.equals(instance) ? B : A;
    }

    static String processOf(String instanceId) {
        return INSTANCE_ID.entrySet().stream().filter(e -> e.getValue().equals(instanceId)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("unknown instance id " + instanceId));
    }

    /** A Turkish depot with 400 blankets and 40 tents, an incident with one site needing both. */
    static String smallInstance() {
        RequestSpecification inv = Scenario.inventory(system);
        String org = inv.body(Map.of("name", "Replica relief", "type", "NGO", "countryCode", "TUR"))
                .post("/organisations").then().statusCode(201).extract().path("id");
        String depot = Scenario.inventory(system)
                .body(Map.of("code", "TUR-REPL", "name", "Adana replica hub", "countryCode", "TUR", "latitude", 37.0,
                        "longitude", 35.32, "organisationId", org, "kind", "NGO_WAREHOUSE"))
                .post("/depots").then().statusCode(201).extract().path("id");
        for (Object[] item : new Object[][]{{"REPL-BLANKET", "Blanket", "NFI", 1.5, 0.01, 400},
                {"REPL-TENT", "Family tent", "SHELTER", 55.0, 0.282, 40}}) {
            Scenario.inventory(system)
                    .body(Map.of("code", item[0], "name", item[1], "category", item[2], "unit", "each", "unitWeightKg",
                            item[3],
                            "unitVolumeM3", item[4]))
                    .post("/items").then().statusCode(201);
            Scenario.inventory(system)
                    .body(Map.of("itemCode", item[0], "quantity", item[5], "lotCode", "LOT-" + item[0],
                            "donorOrganisationId", org))
                    .post("/depots/" + depot + "/receipts").then().statusCode(201);
        }
        Instant now = Instant.now();
        String incident = api(A).body(Map.of("name", "Replica earthquake", "type", "EARTHQUAKE", "countryCode", "TUR",
                "startedAt", now.minus(Duration.ofHours(2)).toString(),
                "sites", List.of(Map.of("name", "Antakya replica camp", "latitude", 36.2, "longitude", 36.16,
                        "affectedPopulation", 2000))))
                .post("/incidents").then().statusCode(201).extract().path("id");
        String site = api(A).get("/incidents/" + incident).then().statusCode(200).extract().path("sites[0].id");
        api(A).body(Map.of("siteId", site, "itemCode", "REPL-BLANKET", "quantity", 300, "priority", "HIGH",
                "deliverBy", now.plus(Duration.ofDays(5)).toString())).post("/incidents/" + incident + "/needs").then()
                .statusCode(201);
        api(A).body(Map.of("siteId", site, "itemCode", "REPL-TENT", "quantity", 30, "priority", "CRITICAL",
                "deliverBy", now.plus(Duration.ofDays(5)).toString())).post("/incidents/" + incident + "/needs").then()
                .statusCode(201);
        return incident;
    }

    static String submit(String instance, String limit) {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(incidentId));
        body.put("termination", Map.of("spentLimit", limit, "unimprovedSpentLimit", limit));
        return api(instance).body(body).post("/plans").then().statusCode(202).extract().path("id");
    }

    static JsonPath plan(String instance, String planId) {
        return api(instance).get("/plans/" + planId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitTerminal(String instance, String planId) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        JsonPath p = plan(instance, planId);
        while ("SOLVING".equals(p.getString("status")) && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(250);
            p = plan(instance, planId);
        }
        return p;
    }

    /** The plan's claims from the shared database: attempt, owner, claimed_at, ended_at, outcome. */
    static List<Map<String, Object>> claims(String planId) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db();
                PreparedStatement s = c.prepareStatement(
                        "SELECT attempt, owner, claimed_at, ended_at, outcome FROM plan_job_claim WHERE plan_id = ? ORDER BY attempt")) {
            s.setObject(1, UUID.fromString(planId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("attempt", r.getInt(1));
                    row.put("owner", r.getString(2));
                    row.put("claimedAt", r.getTimestamp(3).toInstant());
                    row.put("endedAt", r.getTimestamp(4) == null ? null : r.getTimestamp(4).toInstant());
                    row.put("outcome", r.getString(5));
                    out.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static Instant leaseExpiresAt(String planId) {
        try (Connection c = db();
                PreparedStatement s = c.prepareStatement("SELECT lease_expires_at FROM plan_job WHERE plan_id = ?")) {
            s.setObject(1, UUID.fromString(planId));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getTimestamp(1) == null ? null : r.getTimestamp(1).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection db() throws SQLException {
        String user = System.getenv(PgAdmin.USER_ENV);
        String password = System.getenv(PgAdmin.PASSWORD_ENV);
        return DriverManager.getConnection(system.jdbcUrl("allocation"), user == null ? "postgres" : user,
                password == null ? "postgres" : password);
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    @Test
    @Order(1)
    void tenPlansSubmittedThroughBothReplicasAreEachSolvedExactlyOnce() {
        List<String> plans = new ArrayList<>();
        List<String> submittedTo = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String instance = i % 2 == 0 ? A : B;
            plans.add(submit(instance, "PT2S"));
            submittedTo.add(instance);
        }
        Map<String, Integer> solvedBy = new HashMap<>();
        StringBuilder report = new StringBuilder(
                "\n=== ten plans through two replicas (lease " + LEASE + ", PT2S each) ===\n");
        for (int i = 0; i < plans.size(); i++) {
            String planId = plans.get(i);
            // polled on the replica it was NOT submitted to
            JsonPath p = awaitTerminal(other(submittedTo.get(i)), planId);
            assertEquals("SOLVED", p.getString("status"), () -> "plan " + planId + ": " + p.prettify());
            assertTrue(p.getBoolean("feasible"));
            assertEquals(1, p.getInt("attempts"), "solved exactly once: " + planId);
            String owner = p.getString("solvedBy");
            assertTrue(Set.copyOf(INSTANCE_ID.values()).contains(owner), owner);
            solvedBy.merge(owner, 1, Integer::sum);
            List<Map<String, Object>> claims = claims(planId);
            assertEquals(1, claims.size(), "one claim per plan: " + claims);
            assertEquals(owner, claims.get(0).get("owner"));
            assertEquals("FINISHED", claims.get(0).get("outcome"));
            // both replicas answer the same plan
            assertEquals(p.getString("score"), plan(submittedTo.get(i), planId).getString("score"));
            Instant created = Instant.parse(p.getString("createdAt"));
            Instant claimed = (Instant) claims.get(0).get("claimedAt");
            report.append(String.format(
                    "plan %d %s submitted to %-12s polled on %-12s solved by %s: submit->claim %.3f s, claim->finished %.3f s%n",
                    i + 1, planId, submittedTo.get(i), other(submittedTo.get(i)), owner, seconds(created, claimed),
                    seconds(claimed, Instant.parse(p.getString("finishedAt")))));
        }
        report.append("plans solved per replica: ").append(solvedBy).append('\n');
        System.out.println(report);
        assertEquals(10, solvedBy.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(2, solvedBy.size(), "both replicas took work from the queue: " + solvedBy);
    }

    @Test
    @Order(2)
    void aCancelSentToTheReplicaNotSolvingThePlanStopsIt() {
        String planId = submit(A, "PT60S");
        JsonPath p = awaitOwner(B, planId);
        String ownerProcess = processOf(p.getString("solvedBy"));
        String elsewhere = other(ownerProcess);
        JsonPath stopped = api(elsewhere).delete("/plans/" + planId + "/solving").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(stopped.getBoolean("stoppedEarly"));
        assertTrue(Set.of("SOLVED", "CANCELLED").contains(stopped.getString("status")), stopped.prettify());
        assertNotNull(stopped.getString("finishedAt"), "the DELETE answered the plan as recorded after stopping");
        assertEquals(p.getString("solvedBy"), stopped.getString("solvedBy"));
        assertEquals(1, stopped.getInt("attempts"));
        // stopped long before its 60 s
        assertEquals(stopped.getString("status"), plan(ownerProcess, planId).getString("status"));
        api(ownerProcess).delete("/plans/" + planId + "/solving").then().statusCode(409);
        System.out.printf(
                "%n=== cancel: plan %s solved by %s, DELETE sent to %s -> %s (stoppedEarly), %.3f s after submit%n",
                planId, p.getString("solvedBy"), elsewhere, stopped.getString("status"),
                seconds(Instant.parse(stopped.getString("createdAt")), Instant.parse(stopped.getString("finishedAt"))));
    }

    /** Polls until a replica has claimed the plan. */
    static JsonPath awaitOwner(String instance, String planId) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        JsonPath p = plan(instance, planId);
        while (p.getString("solvedBy") == null && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(100);
            p = plan(instance, planId);
        }
        assertNotNull(p.getString("solvedBy"), p.prettify());
        assertEquals("SOLVING", p.getString("status"), p.prettify());
        return p;
    }

    @Test
    @Order(3)
    void killingTheReplicaSolvingAPlanLetsTheOtherFinishItAfterTheLeaseExpires() {
        String planId = submit(A, "PT10S");
        JsonPath before = awaitOwner(B, planId);
        String victimId = before.getString("solvedBy");
        String victim = processOf(victimId);
        String survivor = other(victim);
        Instant submitted = Instant.parse(before.getString("createdAt"));
        Instant firstClaim = (Instant) claims(planId).get(0).get("claimedAt");
        // let the owner's heartbeat renew the lease at least once before killing it
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (!leaseExpiresAt(planId).isAfter(firstClaim.plus(LEASE)) && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(100);
        }
        Instant renewedUntil = leaseExpiresAt(planId);
        assertTrue(renewedUntil.isAfter(firstClaim.plus(LEASE)), "the owner renewed its lease while solving");

        Instant killAt = Instant.now();
        system.kill(victim);
        Instant killed = Instant.now();
        assertFalse(system.isRunning(victim));
        Instant leaseAtKill = leaseExpiresAt(planId);
        // until the lease expires the survivor shows the plan SOLVING, claimed by the dead replica
        JsonPath during = plan(survivor, planId);
        assertEquals("SOLVING", during.getString("status"));
        if (during.getInt("attempts") == 1) {
            assertEquals(victimId, during.getString("solvedBy"));
        }

        JsonPath done = awaitTerminal(survivor, planId);
        assertEquals("SOLVED", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("attempts"));
        assertEquals(INSTANCE_ID.get(survivor), done.getString("solvedBy"));
        assertFalse(done.getBoolean("stoppedEarly"));
        List<Map<String, Object>> claims = claims(planId);
        assertEquals(2, claims.size(), claims.toString());
        assertEquals(victimId, claims.get(0).get("owner"));
        assertEquals("EXPIRED", claims.get(0).get("outcome"));
        assertEquals(INSTANCE_ID.get(survivor), claims.get(1).get("owner"));
        assertEquals("FINISHED", claims.get(1).get("outcome"));
        Instant expiry = (Instant) claims.get(0).get("endedAt");
        Instant reclaim = (Instant) claims.get(1).get("claimedAt");
        Instant finished = Instant.parse(done.getString("finishedAt"));
        assertEquals(leaseAtKill, expiry, "the lease the dead replica last renewed is the one that expired");
        assertTrue(!reclaim.isBefore(expiry), "re-claimed only after the lease expired");
        assertTrue(reclaim.isAfter(killAt));

        System.out.printf("""

                === kill timeline (lease %s, plan %s with PT10S of solving) ===
                t+%7.3f s  submitted to %s
                t+%7.3f s  claimed by %s (attempt 1)
                t+%7.3f s  lease renewed by its heartbeat (last renewal before the kill at t+%.3f s)
                t+%7.3f s  %s (%s) killed with SIGKILL (gone at t+%.3f s)
                t+%7.3f s  its lease expired (last renewal + %s)
                t+%7.3f s  re-claimed by %s (attempt 2), %.3f s after the expiry, %.3f s after the kill
                t+%7.3f s  SOLVED by %s (%s)
                """, LEASE, planId,
                0.0, A,
                seconds(submitted, firstClaim), victimId,
                seconds(submitted, renewedUntil.minus(LEASE)), seconds(submitted, leaseAtKill.minus(LEASE)),
                seconds(submitted, killAt), victim, victimId, seconds(submitted, killed),
                seconds(submitted, expiry), LEASE,
                seconds(submitted, reclaim), INSTANCE_ID.get(survivor), seconds(expiry, reclaim),
                seconds(killAt, reclaim),
                seconds(submitted, finished), INSTANCE_ID.get(survivor), done.getString("score"));
        assertNotEquals(victim, survivor);
    }

    @Test
    @Order(4)
    void aReplicaShutDownGracefullyGivesItsPlanBackAtOnce() {
        // bring the killed replica back, so two are running again
        if (!system.isRunning(A)) {
            system.restart(A);
        } else if (!system.isRunning(B)) {
            system.startReplica("allocation", B, Map.of("ALLOCATION_INSTANCE_ID", INSTANCE_ID.get(B)));
        }
        String planId = submit(A, "PT10S");
        JsonPath before = awaitOwner(B, planId);
        String ownerId = before.getString("solvedBy");
        String owner = processOf(ownerId);
        String survivor = other(owner);
        Instant submitted = Instant.parse(before.getString("createdAt"));
        Instant stopAt = Instant.now();
        system.stop(owner); // SIGTERM: Quarkus shuts down gracefully
        Instant stopped = Instant.now();

        JsonPath done = awaitTerminal(survivor, planId);
        assertEquals("SOLVED", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("attempts"));
        assertEquals(INSTANCE_ID.get(survivor), done.getString("solvedBy"));
        List<Map<String, Object>> claims = claims(planId);
        assertEquals(2, claims.size(), claims.toString());
        assertEquals(ownerId, claims.get(0).get("owner"));
        assertEquals("RELEASED", claims.get(0).get("outcome"), "given back at shutdown, not left to expire");
        assertEquals(INSTANCE_ID.get(survivor), claims.get(1).get("owner"));
        Instant released = (Instant) claims.get(0).get("endedAt");
        Instant reclaim = (Instant) claims.get(1).get("claimedAt");
        assertTrue(!reclaim.isBefore(released));
        System.out.printf("""

                === graceful shutdown timeline (lease %s, plan %s with PT10S of solving) ===
                t+%7.3f s  claimed by %s (attempt 1)
                t+%7.3f s  %s (%s) sent SIGTERM (process gone at t+%.3f s)
                t+%7.3f s  job given back to the queue (claim RELEASED)
                t+%7.3f s  re-claimed by %s (attempt 2), %.3f s after the release
                t+%7.3f s  SOLVED by %s
                """, LEASE, planId,
                seconds(submitted, (Instant) claims.get(0).get("claimedAt")), ownerId,
                seconds(submitted, stopAt), owner, ownerId, seconds(submitted, stopped),
                seconds(submitted, released),
                seconds(submitted, reclaim), INSTANCE_ID.get(survivor), seconds(released, reclaim),
                seconds(submitted, Instant.parse(done.getString("finishedAt"))), INSTANCE_ID.get(survivor));
    }
}
