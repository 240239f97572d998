package org.corridor.allocation.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * How long plan approval takes and how the system holds up when many are asked for at once, measured on a real
 * {@link CorridorSystem} (embedded PostgreSQL, the three packaged services as processes, their production settings),
 * driven only through the HTTP APIs. A benchmark, not a test of the default build: its name does not match failsafe's
 * {@code *IT}, so it runs only when asked for (docs/benchmarks/approval.md has the command), and it fails only when the
 * system did something wrong (a plan not approved, a plan stuck, an answer breaking the contract, a broken invariant, a
 * pool running out), never because it was slow: times are reported against their targets, in
 * {@code target/approval-benchmark.txt}.
 * <ol>
 * <li>{@link #idleReads}: the latency of a simple authenticated read on the idle system, what the other numbers are
 * compared with (the machine is shared, absolute numbers mean little).</li>
 * <li>{@link #largePlans}: plans using 1, 200, 201 and 5,000 lots (built like {@code ApprovalScaleIT}): the wall time
 * from POST /plans/{id}/approval until the plan is APPROVED (the POST's 200, or after a 202 the poll of GET /plans/{id}
 * that saw it; that GET's own time is shown apart, it is large for 5,000 lines), the attempt's time as the allocation
 * database recorded it, and from the services' access logs where the time went (the reservation in inventory-service,
 * the shipments in shipment-service). Target for 5,000 lots: under 60 s. A one-lot approval runs first as a warm-up
 * (the services' first approval loads classes and runs interpreted) and is left out of the ratios.</li>
 * <li>{@link #burstWhileSolving}: {@value #BURST_DEFAULT} small SOLVED plans (5 lots each, each its own incident, item
 * and need) approved at the same instant while another plan is SOLVING: how many ended APPROVED or cleanly refused,
 * that none stayed APPROVING, that every answer was 200/202/409/503 (problem JSON; a 503 with Retry-After), the time
 * until all had settled, read latencies sampled meanwhile, the most database connections each service held, no pool
 * exhaustion in the logs, and the invariants afterwards.</li>
 * </ol>
 * Sizes and burst can be changed with {@code -Dbenchmark.approval.sizes=1,200,201,5000} and
 * {@code -Dbenchmark.approval.burst=50}.
 * <p>
 * (The benchmark's files live in {@code it/bench/} but declare the package of the cross-service tests, whose
 * package-private helpers they reuse: {@link Crisis}, {@link Invariants}, {@link StatusLog}, {@link Scenario}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalBenchmark {

    static final int BURST_DEFAULT = 50;
    static final int LOTS_PER_NEED = 40;
    static final int BURST_LOTS = 5;
    static final long BURST_LOT_UNITS = 10;
    static final Duration TARGET_5000 = Duration.ofSeconds(60);
    static final Path LOG_DIR = Path.of("target/it-logs/approval-benchmark");

    static CorridorSystem system;
    static ServiceLogs logs;
    static ServiceLogs.Mark atStart;
    static RawClient allocation;
    static final StatusLog log = new StatusLog();
    static final BenchReport report = new BenchReport(Path.of("target/approval-benchmark.txt"));
    static final Map<Integer, Long> wallMillis = new LinkedHashMap<>();
    static long idleReadP50;

    @BeforeAll
    static void start() {
        report.line("Approval benchmark (ApprovalBenchmark), results in %s", report.file().toAbsolutePath());
        report.build();
        report.machine("before");
        logs = new ServiceLogs(LOG_DIR);
        atStart = logs.mark();
        Instant t0 = Instant.now();
        system = CorridorSystem.start(LOG_DIR, ServiceLogs.env(LOG_DIR));
        report.line(
                "system started in %.1f s (embedded PostgreSQL + 3 services, production settings, access and GC logs on; "
                        + "service logs in %s)",
                seconds(t0), LOG_DIR.toAbsolutePath());
        allocation = new RawClient(system.baseUrl("allocation"), system.tokens().forRoles(Roles.LOGISTICS_OFFICER));
        report.write();
    }

    @AfterAll
    static void stop() {
        try {
            report.section("whole run");
            if (logs != null && atStart != null) {
                poolExhaustion(atStart, "whole run");
            }
            report.line("client-side answers (RetryingClient, setup and reads): %s", log.byOutcome());
            report.machine("after");
            report.write();
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @Test
    @Order(1)
    void idleReads() {
        report.section("idle system: simple reads (reference latencies)");
        List<LatencyProbe.Stats> stats = probe(Duration.ofSeconds(10));
        stats.forEach(s -> report.line("  %s", s));
        idleReadP50 = Math.max(1, stats.get(1).p50());
        report.write();
    }

    @Test
    @Order(2)
    void largePlans() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("benchmark.approval.sizes", "1,200,201,5000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        report.section("approval of one plan using N lots (one unit of its own item per lot, needs of at most "
                + LOTS_PER_NEED + " units at one site)");
        List<String> problems = new ArrayList<>();
        // the services' first approval runs cold (class loading, JIT): measured but left out of the ratios
        problems.addAll(largePlan(1, true));
        for (int n : sizes) {
            problems.addAll(largePlan(n, false));
            report.write();
        }
        report.line("ratios (wall time from the POST until the plan was APPROVED: the POST's 200, or the poll that "
                + "saw it after a 202):");
        Long one = wallMillis.get(1);
        wallMillis.forEach((n, ms) -> report.line("  %5d lots: %8.1f s, %6.2f ms per lot%s, %7.0f x a simple read "
                + "(idle GET /api/v1/plans p50 %d ms)", n, ms / 1000.0, ms / (double) n,
                one == null ? "" : String.format(", %6.1f x one lot", ms / (double) Math.max(1, one)), ms
                        / (double) idleReadP50,
                idleReadP50));
        if (wallMillis.containsKey(200) && wallMillis.containsKey(201)) {
            report.line(
                    "  201 vs 200 lots (200 lines per request was once a batch limit; the access log above shows the "
                            + "reservation requests each approval made): %.2f x",
                    wallMillis.get(201) / (double) Math.max(1, wallMillis.get(200)));
        }
        if (wallMillis.containsKey(5000)) {
            long ms = wallMillis.get(5000);
            report.line("  target: 5,000 lots approved in under %d s: %s (%.1f s)", TARGET_5000.toSeconds(),
                    ms < TARGET_5000.toMillis() ? "MET" : "MISSED", ms / 1000.0);
        }
        List<String> v = Invariants.violations(system);
        report.line("invariants after the large plans: %s", v.isEmpty() ? "hold" : v.size() + " violation(s): " + v);
        report.write();
        problems.addAll(v);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private List<String> largePlan(int n, boolean warmUp) throws Exception {
        List<String> problems = new ArrayList<>();
        Crisis c = new Crisis(system, (warmUp ? "WU" : "AB") + n + "-" + shortId(), log);
        String depot = c.depot("TUR", "TUR", 37.0, 35.32);
        String item = c.item("KIT");
        Instant t0 = Instant.now();
        c.lots(depot, item, n, 1, 8);
        double seeded = seconds(t0);
        String site = c.incident(1).get(0);
        for (int i = 0, left = n; left > 0; i++, left -= LOTS_PER_NEED) {
            c.need(site, item, Math.min(LOTS_PER_NEED, left), "n" + i);
        }
        Instant t1 = Instant.now();
        String planId = n >= 1000
                ? c.solve("PT60S", "PT5S", Duration.ofMinutes(10))
                : c.solve("PT10S", "PT3S", Duration.ofMinutes(5));
        double solved = seconds(t1);
        int used = Crisis.perLot(c.plan(planId)).size();
        if (used != n) {
            problems.add(n + " lots: the plan uses " + used + " lots");
        }

        ServiceLogs.Mark mark = logs.mark();
        Instant started = Instant.now();
        long start = System.nanoTime();
        RawClient.Exchange post = allocation.post("/api/v1/plans/" + planId + "/approval", "bench-" + planId,
                Duration.ofMinutes(5));
        long postMillis = (System.nanoTime() - start) / 1_000_000;
        String status = awaitSettled(planId, Duration.ofMinutes(15), Duration.ofMillis(500));
        long seen = (System.nanoTime() - start) / 1_000_000;
        // a 200 is the approval itself: done when it was answered; after a 202, when a poll saw the plan APPROVED
        long wall = post.status() == 200 ? postMillis : seen;
        Instant ended = Instant.now();
        List<ServiceLogs.Requests> requests = logs.requestsSince(mark);
        List<String> driver = logs.grepSince("allocation", mark, "plan " + planId);
        if (!"APPROVED".equals(status)) {
            problems.add(n + " lots: plan " + planId + " ended " + status + " " + c.plan(planId).getString(
                    "approvalError"));
        } else if (!warmUp) {
            wallMillis.put(n, wall);
        }
        Map<String, Object> attempt = attempt(planId);
        int shipments = (int) c.shipments(planId).stream().filter(s -> !"CANCELLED".equals(s.get("status")))
                .count();
        report.line((warmUp ? "warm-up, " : "")
                + "%5d lots: %s after %.1f s (POST answered %d after %.1f s; GET /plans/{id} said %s after %.1f s); "
                + "the attempt as recorded: %s; %d live shipment(s) [seeding %.1f s, solving %.1f s]", n, status,
                wall / 1000.0, post.status(), postMillis / 1000.0, status, seen / 1000.0, attempt, shipments, seeded,
                solved);
        requests.forEach(r -> report.line("         %s", r));
        driver.forEach(l -> report.line("         log: %s", l));
        report.line("         garbage collection meanwhile: %s", logs.gcPauses(system, started, ended));
        return problems;
    }

    @Test
    @Order(3)
    void burstWhileSolving() throws Exception {
        int burst = Integer.getInteger("benchmark.approval.burst", BURST_DEFAULT);
        report.section(burst + " approvals at once (" + BURST_LOTS + " lots each, own incident, item and need) "
                + "while another plan is SOLVING");
        Instant t0 = Instant.now();
        String run = shortId();
        List<String> plans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            Crisis c = new Crisis(system, "BB" + i + "-" + run, log);
            String depot = c.depot("TUR", "TUR", 37.0, 35.32);
            String item = c.item("KIT");
            c.lots(depot, item, BURST_LOTS, BURST_LOT_UNITS, BURST_LOTS);
            String site = c.incident(1).get(0);
            c.need(site, item, (int) (BURST_LOTS * BURST_LOT_UNITS), "all");
            String planId = c.solve("PT3S", "PT1S", Duration.ofMinutes(5));
            JsonPath p = c.plan(planId);
            if (Crisis.perLot(p).size() != BURST_LOTS || !p.getList("unmet").isEmpty()) {
                problems.add("small plan " + planId + " uses " + Crisis.perLot(p).size() + " lots, unmet "
                        + p.getList("unmet"));
            }
            plans.add(planId);
        }
        report.line("%d SOLVED plans built in %.1f s", plans.size(), seconds(t0));

        String longPlan = startLongSolve();
        report.line("long solve: plan %s is %s", longPlan, planStatus(longPlan));
        List<LatencyProbe.Stats> solvingOnly = probe(Duration.ofSeconds(10));
        report.line("reads while the long plan solves, before the burst:");
        solvingOnly.forEach(s -> report.line("  %s", s));

        ServiceLogs.Mark mark = logs.mark();
        ConnectionSampler connections = ConnectionSampler.start(system, Duration.ofMillis(500));
        LatencyProbe probe = LatencyProbe.start(reads(), Duration.ofMillis(250));
        Instant burstStart = Instant.now();
        List<ApprovalBurst.Outcome> outcomes;
        List<LatencyProbe.Stats> during;
        Map<String, Object> maxConnections;
        try {
            outcomes = new ApprovalBurst(allocation, Duration.ofMinutes(6)).run(plans, "bench-burst-");
        } finally {
            during = probe.stop();
            maxConnections = connections.stop();
        }
        double settled = seconds(burstStart);
        Map<String, String> gc = logs.gcPauses(system, burstStart, Instant.now());
        String longStatus = planStatus(longPlan);

        long approved = outcomes.stream().filter(o -> "APPROVED".equals(o.finalStatus())).count();
        long refused = outcomes.stream().filter(ApprovalBurst.Outcome::refused).count();
        List<ApprovalBurst.Outcome> stuck = outcomes.stream().filter(ApprovalBurst.Outcome::stuck).toList();
        List<String> breaks = outcomes.stream().flatMap(o -> o.contractBreaks().stream()).toList();
        List<Long> postTimes = outcomes.stream().map(ApprovalBurst.Outcome::postMillis).sorted().toList();
        List<Long> settleTimes = outcomes.stream().map(ApprovalBurst.Outcome::settledMillis).sorted().toList();
        report.line("outcome: %d APPROVED, %d cleanly refused (SOLVED with approvalError or refused before "
                + "starting), %d stuck APPROVING after the bound, other %s", approved, refused, stuck.size(),
                ApprovalBurst.count(outcomes, ApprovalBurst.Outcome::finalStatus));
        report.line("POST answers: %s; answer time p50 %d ms, max %d ms",
                ApprovalBurst.count(outcomes, o -> String.valueOf(o.postStatus())),
                LatencyProbe.percentile(postTimes, 50), postTimes.get(postTimes.size() - 1));
        outcomes.stream().filter(o -> o.postStatus() != 200 && o.postStatus() != 202).limit(5)
                .forEach(o -> report.line("  e.g. plan %s: %d Retry-After %s: %s (ended %s, approvalError %s %s)",
                        o.planId(), o.postStatus(), o.retryAfter(), o.postDetail(), o.finalStatus(),
                        o.approvalErrorStatus(), o.approvalErrorTitle()));
        outcomes.stream().filter(ApprovalBurst.Outcome::refused).limit(5)
                .forEach(o -> report.line("  refused: plan %s approvalError %s %s (POST %d: %s)", o.planId(),
                        o.approvalErrorStatus(), o.approvalErrorTitle(), o.postStatus(), o.postDetail()));
        report.line("answers breaking the contract (only 200/202/409/503; problem JSON; 503 with Retry-After): %s",
                breaks.isEmpty() ? "none" : breaks);
        report.line("all settled %.1f s after the burst started (per plan: p50 %.1f s, max %.1f s; clients poll "
                + "GET /plans/{id} once a second)", settled, LatencyProbe.percentile(settleTimes, 50) / 1000.0,
                settleTimes.get(settleTimes.size() - 1) / 1000.0);
        report.line("attempts as recorded by allocation: %s", attempts(plans));
        report.line("the long plan was %s when all had settled", longStatus);
        report.line("reads during the burst (one client, every 250 ms):");
        during.forEach(s -> report.line("  %s", s));
        report.line("most connections per service database during the burst, open (the pool's size; max-size 32 "
                + "each) and busy (in a statement or transaction), sampled every 500 ms from the burst's start: %s",
                maxConnections);
        for (ServiceLogs.Requests r : logs.requestsSince(mark)) {
            if (!r.request().startsWith("GET")) {
                report.line("  %s", r);
            }
        }
        report.line("garbage collection in the services during the burst: %s", gc);
        Map<String, List<String>> pool = poolExhaustion(mark, "burst");
        report.line("approval driver log lines during the burst: %d 'APPROVED', %d 'retrying', %d 'refused', "
                + "%d 'gives up', %d 'undone'", logs.grepSince("allocation", mark, "APPROVED \\(attempt").size(),
                logs.grepSince("allocation", mark, "retrying in").size(),
                logs.grepSince("allocation", mark, "refused at step").size(),
                logs.grepSince("allocation", mark, "gives up").size(),
                logs.grepSince("allocation", mark, "undone").size());

        RawClient.Exchange stopped = allocation.delete("/api/v1/plans/" + longPlan + "/solving",
                Duration.ofSeconds(90));
        report.line("long solve stopped: DELETE /plans/{id}/solving answered %d, plan now %s", stopped.status(),
                planStatus(longPlan));
        List<String> v = invariantsWithin(Duration.ofSeconds(60));
        report.line("invariants afterwards: %s", v.isEmpty() ? "hold" : v.size() + " violation(s): " + v);
        report.write();

        if (!"SOLVING".equals(longStatus)) {
            problems.add("the long plan was no longer SOLVING when the burst had settled (" + longStatus
                    + "): the burst was not measured during a solve throughout");
        }
        stuck.forEach(o -> problems.add("plan " + o.planId() + " still APPROVING"));
        problems.addAll(breaks);
        problems.addAll(v);
        pool.forEach((service, lines) -> lines.forEach(l -> problems.add(service + ": " + l)));
        during.stream().filter(s -> s.failures() > 0).forEach(s -> problems.add("read failed during the burst: " + s));
        assertEquals(List.of(), problems);
    }

    /** A plan of a crisis big enough to keep the solver busy, submitted with the longest limits allowed. */
    private String startLongSolve() {
        Crisis c = new Crisis(system, "LS-" + shortId(), log);
        List<String> items = List.of(c.item("TENT"), c.item("WATER"), c.item("FOOD"));
        for (int d = 0; d < 8; d++) {
            String depot = c.depot("D" + d, "TUR", 36.5 + d * 0.25, 35.0 + d * 0.3);
            for (int i = 0; i < items.size(); i++) {
                c.lot(depot, items.get(i), "L" + d + "-" + i + "A", 120);
                c.lot(depot, items.get(i), "L" + d + "-" + i + "B", 80);
            }
        }
        List<String> sites = c.incident(12);
        int k = 0;
        for (String site : sites) {
            for (String item : items) {
                c.need(site, item, 30 + (k * 17) % 60, "n" + k++);
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(c.incidentId));
        body.put("termination", Map.of("spentLimit", "PT5M", "unimprovedSpentLimit", "PT2M"));
        RetryingClient.Answer a = c.allocation.post("plan", "/plans", "plan-long-" + c.tag, body);
        assertEquals(202, a.status(), a.body());
        String planId = a.json().getString("id");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (!"SOLVING".equals(planStatus(planId)) && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(250);
        }
        return planId;
    }

    /** GET /q/health and a page of plans, as a dashboard reads them. */
    private static Map<String, Supplier<RawClient.Exchange>> reads() {
        Map<String, Supplier<RawClient.Exchange>> out = new LinkedHashMap<>();
        out.put("GET /q/health", () -> allocation.get("/q/health", Duration.ofSeconds(10)));
        out.put("GET /api/v1/plans?size=20", () -> allocation.get("/api/v1/plans?size=20", Duration.ofSeconds(10)));
        return out;
    }

    private static List<LatencyProbe.Stats> probe(Duration during) {
        LatencyProbe p = LatencyProbe.start(reads(), Duration.ofMillis(250));
        Scenario.sleep(during.toMillis());
        return p.stop();
    }

    /** Polls the plan every {@code every} (with If-None-Match) while it is APPROVING; answers its status. */
    private static String awaitSettled(String planId, Duration bound, Duration every) {
        long deadline = System.nanoTime() + bound.toNanos();
        String etag = null;
        String status = "unknown";
        while (true) {
            RawClient.Exchange get = allocation.get("/api/v1/plans/" + planId, etag, Duration.ofSeconds(60));
            if (get.status() == 200) {
                status = new JsonPath(get.body()).getString("status");
                etag = get.etag().orElse(null);
            }
            if (!"APPROVING".equals(status) && !"unknown".equals(status) || System.nanoTime() > deadline) {
                return status;
            }
            Scenario.sleep(every.toMillis());
        }
    }

    private static String planStatus(String planId) {
        RawClient.Exchange e = allocation.get("/api/v1/plans?size=100", Duration.ofSeconds(30));
        if (e.status() != 200) {
            return "unknown (" + e.status() + ")";
        }
        for (Map<String, Object> p : new JsonPath(e.body()).<Map<String, Object>>getList("items")) {
            if (planId.equals(p.get("id"))) {
                return (String) p.get("status");
            }
        }
        return "not in the newest 100 plans";
    }

    /** The plan's last approval attempt as the allocation database recorded it: outcome and seconds taken. */
    private static Map<String, Object> attempt(String planId) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = system.connect("allocation");
                PreparedStatement st = c.prepareStatement(
                        "SELECT attempt, outcome, started_at, ended_at FROM approval_attempt WHERE plan_id = ? "
                                + "ORDER BY attempt DESC LIMIT 1")) {
            st.setObject(1, UUID.fromString(planId));
            try (ResultSet r = st.executeQuery()) {
                if (r.next()) {
                    out.put("attempt", r.getInt(1));
                    out.put("outcome", r.getString(2));
                    Timestamp started = r.getTimestamp(3);
                    Timestamp ended = r.getTimestamp(4);
                    if (ended != null) {
                        out.put("seconds", (ended.getTime() - started.getTime()) / 1000.0);
                    }
                }
            }
        }
        return out;
    }

    /** The attempts of the given plans: outcomes, from the first start to the last end, per-attempt p50 and max. */
    private static String attempts(List<String> planIds) throws SQLException {
        List<Long> durations = new ArrayList<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        long last = 0;
        try (Connection c = system.connect("allocation");
                PreparedStatement st = c.prepareStatement(
                        "SELECT outcome, started_at, ended_at FROM approval_attempt WHERE plan_id = ANY (?)")) {
            st.setArray(1, c.createArrayOf("uuid", planIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    outcomes.merge(String.valueOf(r.getString(1)), 1, Integer::sum);
                    long s = r.getTimestamp(2).getTime();
                    first = Math.min(first, s);
                    if (r.getTimestamp(3) != null) {
                        long e = r.getTimestamp(3).getTime();
                        last = Math.max(last, e);
                        durations.add(e - s);
                    }
                }
            }
        }
        List<Long> sorted = durations.stream().sorted().toList();
        return String.format("%s; first start to last end %.1f s; per attempt p50 %d ms, max %d ms", outcomes,
                last > 0 ? (last - first) / 1000.0 : -1, LatencyProbe.percentile(sorted, 50),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    private static Map<String, List<String>> poolExhaustion(ServiceLogs.Mark since, String what) {
        Map<String, List<String>> pool = logs.poolExhaustionSince(since);
        Map<String, Integer> counts = new LinkedHashMap<>();
        pool.forEach((s, l) -> counts.put(s, l.size()));
        report.line("pool exhaustion lines in the service logs (%s; %s): %s", what,
                String.join(", ", ServiceLogs.POOL_EXHAUSTION), counts);
        pool.forEach((s, l) -> l.stream().limit(3).forEach(x -> report.line("  %s: %s", s, x)));
        return pool;
    }

    private static List<String> invariantsWithin(Duration within) {
        Instant giveUp = Instant.now().plus(within);
        List<String> v = Invariants.violations(system);
        while (!v.isEmpty() && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(1000);
            v = Invariants.violations(system);
        }
        return v;
    }

    /** A tag part that keeps codes valid (capital letters and digits) and apart between runs on kept data. */
    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static double seconds(Instant from) {
        return Duration.between(from, Instant.now()).toMillis() / 1000.0;
    }
}
