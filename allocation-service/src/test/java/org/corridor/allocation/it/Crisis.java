package org.corridor.allocation.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;

/**
 * A relief crisis of any size built through the real services' APIs for the fault and scale tests: an organisation,
 * depots, items, lots (received in parallel), one incident with sites, needs; then a plan solved and approved. Every
 * call goes through a {@link RetryingClient}, so a crisis can be built while the system is being disturbed. Each crisis
 * has its own tag, items and codes, so that crises of one test class never compete for stock.
 */
final class Crisis {

    final CorridorSystem system;
    final String tag;
    final StatusLog log;
    final RetryingClient inventory;
    final RetryingClient allocation;
    final RetryingClient shipment;
    final String org;
    String incidentId;
    final List<String> sites = new ArrayList<>();

    Crisis(CorridorSystem system, String tag, StatusLog log) {
        this.system = system;
        this.tag = tag;
        this.log = log;
        String officer = system.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER);
        Duration giveUp = Duration.ofMinutes(3);
        Duration timeout = Duration.ofSeconds(60);
        this.inventory = new RetryingClient(system.baseUrl("inventory"), officer, log, giveUp, timeout);
        this.allocation = new RetryingClient(system.baseUrl("allocation"), officer, log, giveUp, timeout);
        this.shipment = new RetryingClient(system.baseUrl("shipment"), officer, log, giveUp, timeout);
        this.org = created(inventory.post("setup", "/organisations", "org-" + tag,
                Map.of("name", "Relief org " + tag, "type", "NGO", "countryCode", "TUR"))).getString("id");
    }

    /** A depot of this crisis's organisation in {@code country} at the given place. */
    String depot(String code, String country, double latitude, double longitude) {
        return created(inventory.post("setup", "/depots", "depot-" + tag + "-" + code,
                Map.of("code", code + "-" + tag, "name", "Hub " + code + " " + tag, "countryCode", country, "latitude",
                        latitude, "longitude", longitude, "organisationId", org, "kind", "NGO_WAREHOUSE")))
                .getString("id");
    }

    /** A durable item (no shelf life) of this crisis; answers its code. */
    String item(String name) {
        String code = "IT-" + tag + "-" + name;
        created(inventory.post("setup", "/items", "item-" + code, Map.of("code", code, "name", name + " " + tag,
                "category", "NFI", "unit", "each", "unitWeightKg", 1.0, "unitVolumeM3", 0.005)));
        return code;
    }

    /** One receipt: a new lot of {@code quantity} of {@code itemCode}; answers its id. */
    String lot(String depotId, String itemCode, String lotCode, long quantity) {
        return created(inventory.post("receipt", "/depots/" + depotId + "/receipts", "receipt-" + tag + "-" + lotCode,
                Map.of("itemCode", itemCode, "quantity", quantity, "lotCode", lotCode, "donorOrganisationId", org)))
                .getString("lotId");
    }

    /** {@code count} lots of {@code quantity} each, received by {@code threads} clients at once; ids in order. */
    List<String> lots(String depotId, String itemCode, int count, long quantity, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String lotCode = itemCode + "-L" + i;
                futures.add(pool.submit(() -> lot(depotId, itemCode, lotCode, quantity)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The incident with {@code siteCount} sites around Antakya; answers the site ids. */
    List<String> incident(int siteCount) {
        List<Map<String, Object>> siteList = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            siteList.add(Map.of("name", "Camp " + i + " " + tag, "latitude", 36.2 + i * 0.05, "longitude",
                    36.16 + i * 0.05, "affectedPopulation", 2000 + i));
        }
        incidentId = created(allocation.post("setup", "/incidents", "incident-" + tag,
                Map.of("name", "Earthquake " + tag, "type", "EARTHQUAKE", "countryCode", "TUR", "startedAt",
                        Instant.now().minus(Duration.ofHours(2)).toString(), "sites", siteList)))
                .getString("id");
        JsonPath incident = ok(allocation.get("setup", "/incidents/" + incidentId));
        sites.clear();
        sites.addAll(incident.getList("sites.id"));
        return sites;
    }

    /** A need of {@code quantity} of {@code itemCode} at {@code siteId}, due in ten days; answers its id. */
    String need(String siteId, String itemCode, int quantity, String key) {
        return created(allocation.post("setup", "/incidents/" + incidentId + "/needs", "need-" + tag + "-" + key,
                Map.of("siteId", siteId, "itemCode", itemCode, "quantity", quantity, "priority", "HIGH", "deliverBy",
                        Instant.now().plus(Duration.ofDays(10)).toString())))
                .getString("id");
    }

    /** An AVAILABLE team of {@code type} based near Adana; answers its id. */
    String team(String type) {
        return created(inventory.post("setup", "/teams", "team-" + tag + "-" + type,
                Map.ofEntries(Map.entry("name", "Team " + type + " " + tag), Map.entry("countryCode", "TUR"),
                        Map.entry("organisationId", org), Map.entry("type", type), Map.entry("members", 30),
                        Map.entry("baseLatitude", 37.0), Map.entry("baseLongitude", 35.3),
                        Map.entry("mobilisationHours", 6), Map.entry("selfSufficiencyDays", 10))))
                .getString("id");
    }

    /** A need for one team of {@code type} at {@code siteId} within five days. */
    String teamNeed(String siteId, String type) {
        return created(allocation.post("setup", "/incidents/" + incidentId + "/team-needs", "team-need-" + tag + type,
                Map.of("siteId", siteId, "teamType", type, "count", 1, "neededBy",
                        Instant.now().plus(Duration.ofDays(5)).toString())))
                .getString("id");
    }

    /**
     * The usual crisis of the fault tests: {@code depots} depots in Türkiye (so as many shipments: one per depot, site
     * and mode), one lot of 50 units in each, one site needing all of it, and one team of {@code teamType}; solved.
     * Answers the plan id.
     */
    String solvedWithDepots(int depots, String teamType) {
        String item = item("KIT");
        for (int d = 0; d < depots; d++) {
            String depot = depot("D" + d, "TUR", 37.0 + d * 0.3, 35.3 + d * 0.3);
            lot(depot, item, "L" + d, 50);
        }
        team(teamType);
        String site = incident(1).get(0);
        need(site, item, 50 * depots, "all");
        teamNeed(site, teamType);
        return solve("PT10S", "PT2S", Duration.ofMinutes(3));
    }

    /**
     * What GET /incidents/{id}/needs says each need's coverage is, against the plan's lines (the only plan of this
     * crisis): an APPROVED plan's lines are approved (nothing is dispatched in these tests), any other plan covers
     * nothing. Answers every mismatch, empty when they agree.
     */
    List<String> coverageMismatches(String planId) {
        JsonPath plan = plan(planId);
        boolean approved = "APPROVED".equals(plan.getString("status"));
        Map<String, Long> perNeed = new HashMap<>();
        for (Map<String, Object> l : plan.<Map<String, Object>>getList("lines")) {
            perNeed.merge((String) l.get("needId"), ((Number) l.get("quantity")).longValue(), Long::sum);
        }
        List<String> out = new ArrayList<>();
        JsonPath needs = ok(allocation.get("read needs", "/incidents/" + incidentId + "/needs?size=100"));
        for (Map<String, Object> n : needs.<Map<String, Object>>getList("items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) n.get("coverage");
            long requested = ((Number) n.get("quantity")).longValue();
            long expected = approved ? perNeed.getOrDefault((String) n.get("id"), 0L) : 0;
            Map<String, Long> want = Map.of("requested", requested, "approved", expected, "dispatched", 0L,
                    "delivered", 0L, "rejected", 0L, "lost", 0L, "uncovered", requested - expected);
            want.forEach((k, v) -> {
                long got = c == null || c.get(k) == null ? -1 : ((Number) c.get(k)).longValue();
                if (got != v) {
                    out.add("need " + n.get("id") + " of plan " + planId + " (" + plan.getString("status") + "): "
                            + k + " " + got + ", expected " + v);
                }
            });
        }
        return out;
    }

    /** Submits a plan of this crisis's incident and waits until it is SOLVED; answers its id. */
    String solve(String spentLimit, String unimprovedLimit, Duration timeout) {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentIds", List.of(incidentId));
        body.put("termination", Map.of("spentLimit", spentLimit, "unimprovedSpentLimit", unimprovedLimit));
        RetryingClient.Answer submitted = allocation.post("plan", "/plans", "plan-" + tag + "-" + System.nanoTime(),
                body);
        assertEquals(202, submitted.status(), submitted.body());
        String planId = submitted.json().getString("id");
        JsonPath p = awaitPlan(planId, "SOLVING", timeout);
        assertEquals("SOLVED", p.getString("status"), () -> "plan " + planId + ": " + p.prettify());
        return planId;
    }

    JsonPath plan(String planId) {
        return ok(allocation.get("read plan", "/plans/" + planId));
    }

    /** Polls the plan while its status is {@code passing} (or until the timeout); answers it as last read. */
    JsonPath awaitPlan(String planId, String passing, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        JsonPath p = plan(planId);
        while (passing.equals(p.getString("status")) && Instant.now().isBefore(giveUp)) {
            Scenario.sleep(250);
            p = plan(planId);
        }
        return p;
    }

    /**
     * Asks for the approval with {@code key} and waits until it has ended (the plan no longer APPROVING); answers the
     * plan as then read. The POST's answer is checked against the design: 200 approved, 202 still running, or a problem
     * (409 refused, 503 a dependency down) when it ended refused within the wait.
     */
    JsonPath approve(String planId, String key, Duration timeout) {
        RetryingClient.Answer a = allocation.post("approval", "/plans/" + planId + "/approval", key, null);
        assertTrue(List.of(200, 202, 409, 503).contains(a.status()),
                "approval answered " + a.status() + " " + a.body());
        return awaitPlan(planId, "APPROVING", timeout);
    }

    /** The quantity per lot of the plan's lines. */
    static Map<String, Long> perLot(JsonPath plan) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, Object> l : plan.<Map<String, Object>>getList("lines")) {
            out.merge((String) l.get("lotId"), ((Number) l.get("quantity")).longValue(), Long::sum);
        }
        return out;
    }

    /** Every lot of {@code itemCode} as inventory lists it (paged): lot id -> its JSON object. */
    Map<String, Map<String, Object>> stock(String itemCode) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (int page = 0;; page++) {
            JsonPath p = ok(inventory.get("read stock", "/stock?itemCode=" + itemCode + "&size=500&page=" + page));
            List<Map<String, Object>> items = p.getList("items");
            items.forEach(l -> out.put((String) l.get("lotId"), l));
            if (items.isEmpty() || out.size() >= p.getLong("total")) {
                return out;
            }
        }
    }

    /** The plan's shipments in shipment-service (paged). */
    List<Map<String, Object>> shipments(String planId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath p = ok(shipment.get("read shipments", "/shipments?planId=" + planId + "&size=100&page=" + page));
            List<Map<String, Object>> items = p.getList("items");
            out.addAll(items);
            if (items.isEmpty() || out.size() >= p.getLong("total")) {
                return out;
            }
        }
    }

    /** The reservations with reference {@code plan-<id>} in inventory-service. */
    List<Map<String, Object>> reservations(String planId) {
        return ok(inventory.get("read reservations", "/reservations?reference=plan-" + planId + "&size=100"))
                .getList("items");
    }

    static JsonPath created(RetryingClient.Answer a) {
        assertEquals(201, a.status(), a.body());
        return a.json();
    }

    static JsonPath ok(RetryingClient.Answer a) {
        assertEquals(200, a.status(), a.body());
        return a.json();
    }
}
