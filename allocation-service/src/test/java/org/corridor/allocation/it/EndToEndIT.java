package org.corridor.allocation.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.local.CorridorSystem;
import org.corridor.local.DemoLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow across the three packaged services, as users drive it through the public APIs: a small crisis is
 * loaded by the demo loader (donors register stock, officers create incidents, needs and an embargo), a plan is solved
 * and approved, every shipment is dispatched, held and released at customs and delivered with a partial rejection; then
 * the delivery summary, the reservation and inventory's ledger must all tell the same story, the embargoed route must
 * never have been used and no lot may ever have been oversold.
 */
class EndToEndIT {

    private static CorridorSystem system;

    @BeforeAll
    static void start() {
        system = CorridorSystem.start(Path.of("target/it-logs/e2e"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void crisisFromStockToDelivery() throws Exception {
        DemoLoader loader = new DemoLoader(system.baseUrl("inventory"), system.baseUrl("allocation"),
                system.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER), System.out);
        DemoLoader.Loaded crisis = loader.load(Path.of("src/test/resources/e2e-crisis"));
        UUID idlib = crisis.sites().get("E2E Idlib");
        UUID miamiTents = crisis.lotsByCode().get("E2E-MIA-TENT");
        UUID usTeam = crisis.teams().get("E2E USA-1 USAR");
        Map<UUID, Integer> received = Map.of(
                crisis.lotsByCode().get("E2E-BRI-TENT"), 300, crisis.lotsByCode().get("E2E-BRI-BLK"), 2000,
                crisis.lotsByCode().get("E2E-ADA-TENT"), 200, crisis.lotsByCode().get("E2E-ADA-HEB"), 400,
                miamiTents, 1000);

        // officer: plan both incidents together
        JsonNode plan = loader.plan(crisis.incidentIds(), Duration.ofSeconds(5), Duration.ofMinutes(3));
        assertEquals("SOLVED", plan.get("status").asText(), plan.toString());
        assertTrue(plan.get("feasible").asBoolean());
        Map<UUID, Integer> planned = new HashMap<>();
        for (JsonNode line : plan.withArray("lines")) {
            UUID lot = UUID.fromString(line.get("lotId").asText());
            planned.merge(lot, line.get("quantity").asInt(), Integer::sum);
            if (idlib.toString().equals(line.get("siteId").asText())) {
                // the blocked route is never used: nothing from the United States reaches Syria
                assertNotEquals("USA", line.get("originCountryCode").asText(), line.toString());
                assertNotEquals(miamiTents, lot);
            }
        }
        for (JsonNode t : plan.withArray("teamAssignments")) {
            if (t.get("teamId").asText().equals(usTeam.toString())) {
                String teamNeed = t.get("teamNeedId").asText();
                JsonPath needs = read("allocation").get("/incidents/" + crisis.incidentIds().get(1) + "/team-needs")
                        .then()
                        .statusCode(200).extract().jsonPath();
                assertFalse(needs.getList("items.id").contains(teamNeed), "the US team must not be sent to Syria");
            }
        }
        // Syria asked for 600 tents; only Brindisi's 300 may go there (Adana's are earmarked for TUR, Miami's
        // embargoed)
        int tentsToIdlib = 0;
        for (JsonNode line : plan.withArray("lines")) {
            if (idlib.toString().equals(line.get("siteId").asText())
                    && "SHL-TENT-FAMILY".equals(line.get("itemCode").asText())) {
                tentsToIdlib += line.get("quantity").asInt();
            }
        }
        assertTrue(tentsToIdlib <= 300, "at most Brindisi's 300 tents can reach Idlib, got " + tentsToIdlib);
        boolean embargoExplained = false;
        for (JsonNode u : plan.withArray("unmet")) {
            embargoExplained |= u.path("reason").asText().contains("embargo");
        }
        assertTrue(embargoExplained, "an unmet Syrian need names the embargo: " + plan.withArray("unmet"));

        // officer: approve; stock is reserved exactly as planned and never beyond what is on hand
        JsonNode approval = loader.approve(plan.get("id").asText());
        assertEquals("APPROVED", approval.get("status").asText());
        String reservationId = approval.get("reservationId").asText();
        for (Map.Entry<UUID, Integer> e : planned.entrySet()) {
            JsonPath lot = lot(e.getKey());
            assertEquals(received.get(e.getKey()), lot.getInt("onHand"));
            assertEquals(e.getValue(), lot.getInt("reserved"));
        }
        assertNeverOversold();

        // drivers and border officers: every shipment travels, is held at customs, released and delivered
        List<JsonNode> shipments = new ArrayList<>();
        approval.withArray("shipments").forEach(shipments::add);
        assertFalse(shipments.isEmpty());
        int rejected = 0;
        for (JsonNode s : shipments) {
            String id = s.get("id").asText();
            for (String type : List.of("DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD", "CUSTOMS_RELEASED",
                    "ARRIVED")) {
                shipment().body(Map.of("type", type, "at", Instant.now().toString(), "note", "e2e " + type))
                        .post("/shipments/" + id + "/events").then().statusCode(201);
            }
            // consignee: the first shipment has 10 % of its first line rejected
            List<Map<String, Object>> proof = new ArrayList<>();
            List<Map<String, Object>> lines = read("shipment").get("/shipments/" + id).jsonPath().getList("lines");
            for (int i = 0; i < lines.size(); i++) {
                Map<String, Object> l = lines.get(i);
                int qty = ((Number) l.get("quantity")).intValue();
                int rej = rejected == 0 && i == 0 ? Math.max(1, qty / 10) : 0;
                rejected += rej;
                Map<String, Object> p = new HashMap<>(Map.of("itemCode", l.get("itemCode"), "lotId", l.get("lotId"),
                        "accepted", qty - rej, "rejected", rej));
                if (rej > 0) {
                    p.put("rejectionReason", "crushed in transit");
                }
                proof.add(p);
            }
            shipment()
                    .body(Map.of("receivedBy", "Site logistics officer", "receivedAt", Instant.now().toString(),
                            "lines", proof))
                    .post("/shipments/" + id + "/proof-of-delivery").then().statusCode(201);
            assertEquals("DELIVERED", read("shipment").get("/shipments/" + id).jsonPath().getString("status"));
        }

        // the stock left the depots exactly as planned: balances, reservation and ledger agree
        JsonPath reservation = inventory().get("/reservations/" + reservationId).jsonPath();
        assertEquals("CONSUMED", reservation.getString("status"));
        for (Map.Entry<UUID, Integer> e : planned.entrySet()) {
            JsonPath lot = lot(e.getKey());
            assertEquals(received.get(e.getKey()) - e.getValue(), lot.getInt("onHand"));
            assertEquals(0, lot.getInt("reserved"));
            List<Map<String, Object>> ledger = inventory().get("/stock/ledger?size=500&lotId=" + e.getKey()).jsonPath()
                    .getList("items");
            long issued = ledger.stream().filter(x -> "ISSUE".equals(x.get("type")))
                    .mapToLong(x -> ((Number) x.get("onHandDelta")).longValue()).sum();
            long net = ledger.stream().mapToLong(x -> ((Number) x.get("onHandDelta")).longValue()).sum();
            assertEquals(-e.getValue(), issued, "ISSUE entries of lot " + e.getKey());
            assertEquals(lot.getInt("onHand"), net, "ledger sum of lot " + e.getKey());
        }
        assertNeverOversold();

        // the delivery summary agrees with allocation's needs, the plan and what was received
        int delivered = 0;
        int rejectedInSummary = 0;
        for (UUID incident : crisis.incidentIds()) {
            Map<String, Integer> requested = new HashMap<>();
            read("allocation").get("/incidents/" + incident + "/needs?size=500").then().statusCode(200).extract()
                    .jsonPath().getList("items", Map.class)
                    .forEach(n -> requested.merge(n.get("siteId") + "/" + n.get("itemCode"),
                            ((Number) n.get("quantity")).intValue(), Integer::sum));
            Map<String, Integer> allocated = new HashMap<>();
            for (JsonNode line : plan.withArray("lines")) {
                if (requested.containsKey(line.get("siteId").asText() + "/" + line.get("itemCode").asText())) {
                    allocated.merge(line.get("siteId").asText() + "/" + line.get("itemCode").asText(),
                            line.get("quantity").asInt(), Integer::sum);
                }
            }
            List<Map<String, Object>> summary = read("shipment").get("/incidents/" + incident + "/delivery-summary")
                    .then()
                    .statusCode(200).extract().jsonPath().getList("lines");
            for (Map<String, Object> row : summary) {
                String key = row.get("siteId") + "/" + row.get("itemCode");
                int alloc = ((Number) row.get("allocated")).intValue();
                assertEquals(requested.get(key), ((Number) row.get("requested")).intValue(), "requested " + key);
                assertEquals(allocated.getOrDefault(key, 0), alloc, "allocated " + key);
                assertEquals(alloc, ((Number) row.get("dispatched")).intValue(), "dispatched " + key);
                assertEquals(0, ((Number) row.get("inTransit")).intValue(), "in transit " + key);
                int d = ((Number) row.get("delivered")).intValue();
                int r = ((Number) row.get("rejected")).intValue();
                assertEquals(alloc, d + r, "delivered + rejected " + key);
                delivered += d;
                rejectedInSummary += r;
            }
        }
        assertEquals(rejected, rejectedInSummary);
        assertEquals(planned.values().stream().mapToInt(Integer::intValue).sum(), delivered + rejectedInSummary);
    }

    /** No lot anywhere holds more in reservation than it has, nor goes below zero. */
    private static void assertNeverOversold() {
        for (Map<String, Object> lot : inventory().get("/stock?size=500").jsonPath().getList("items", Map.class)) {
            int onHand = ((Number) lot.get("onHand")).intValue();
            int reserved = ((Number) lot.get("reserved")).intValue();
            assertTrue(onHand >= 0 && reserved >= 0 && reserved <= onHand, "lot " + lot);
        }
    }

    private static JsonPath lot(UUID lotId) {
        return inventory().get("/stock/lots/" + lotId).then().statusCode(200).extract().jsonPath();
    }

    /** inventory-service as an officer (balances, reservation and ledger). */
    private static io.restassured.specification.RequestSpecification inventory() {
        return given().baseUri(system.baseUrl("inventory")).basePath("/api/v1").accept(ContentType.JSON)
                .header("Authorization", "Bearer " + system.tokens().forRoles(Roles.LOGISTICS_OFFICER));
    }

    /** shipment-service as the officer recording tracking events and proof of delivery. */
    private static io.restassured.specification.RequestSpecification shipment() {
        return given().baseUri(system.baseUrl("shipment")).basePath("/api/v1").contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("Authorization", "Bearer " + system.tokens().forRoles(Roles.LOGISTICS_OFFICER));
    }

    /** A service read as a dashboard does: read-only token. */
    private static io.restassured.specification.RequestSpecification read(String service) {
        return given().baseUri(system.baseUrl(service)).basePath("/api/v1").accept(ContentType.JSON)
                .header("Authorization", "Bearer " + system.tokens().forRoles(Roles.DASHBOARD));
    }
}
