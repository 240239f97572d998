package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The polled reads GET /stock and GET /stock/summary are read as plain rows, not entities: their bodies must stay
 * exactly what the entity-based reads answer. A lot on the list equals the same lot read alone (GET /stock/lots/{id},
 * built from entities); the summary's groups equal totals computed here from the list, labelled from the catalogue.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class StockReadTest {

    @Test
    void everyLotOnTheListEqualsTheLotReadAlone() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("KEN", org);
        Map<String, Object> earmarked = Fixtures.receipt("WASH-HYGIENE-KIT", 40, org);
        earmarked.put("earmark", Map.of("countryCodes", List.of("SOM"), "incidentTypes", List.of("DROUGHT")));
        Fixtures.receive(depot, earmarked).then().statusCode(201);
        Map<String, Object> durable = Fixtures.receipt("NFI-BLANKET", 70, org);
        durable.remove("expiresOn");
        String blanket = Fixtures.receive(depot, durable).then().statusCode(201).extract().path("lotId");
        Fixtures.reserve(Fixtures.unique("k"), "plan-read", List.of(Fixtures.line(blanket, 30))).then()
                .statusCode(201);

        List<Map<String, Object>> listed = given().get("/api/v1/stock?depotId={d}&size=50", depot).then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals(2, listed.size());
        for (Map<String, Object> lot : listed) {
            Map<String, Object> alone = given().get("/api/v1/stock/lots/{id}", lot.get("lotId")).then()
                    .statusCode(200).extract().jsonPath().getMap("");
            assertEquals(alone, lot);
        }
    }

    @Test
    void summaryGroupsEqualTotalsOfTheListWithCatalogueLabels() {
        String org = Fixtures.organisation();
        for (String country : List.of("ETH", "ETH", "SDN")) {
            String depot = Fixtures.depot(country, org);
            Fixtures.receive(depot, Fixtures.receipt("WASH-BUCKET-14L", 120, org)).then().statusCode(201);
            String lot = Fixtures.receive(depot, Fixtures.receipt("NFI-BLANKET", 300, org)).then().statusCode(201)
                    .extract().path("lotId");
            Fixtures.reserve(Fixtures.unique("k"), "plan-sum", List.of(Fixtures.line(lot, 25))).then()
                    .statusCode(201);
        }
        for (String country : List.of("ETH", "SDN")) {
            List<Map<String, Object>> lots = allLots(country);
            assertFalse(lots.isEmpty());
            for (String groupBy : List.of("country", "item", "depot")) {
                List<Map<String, Object>> groups = given()
                        .get("/api/v1/stock/summary?groupBy={g}&countryCode={c}", groupBy, country).then()
                        .statusCode(200).extract().jsonPath().getList("groups");
                assertEquals(expectedGroups(lots, groupBy), groups, groupBy + " in " + country);
            }
        }
    }

    private static List<Map<String, Object>> allLots(String country) {
        List<Map<String, Object>> lots = new ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = given()
                    .get("/api/v1/stock?countryCode={c}&size=500&page={p}", country, page).then().statusCode(200)
                    .extract().jsonPath().getList("items");
            lots.addAll(items);
            if (items.size() < 500) {
                return lots;
            }
        }
    }

    /** The groups as the summary must show them, computed from the lots, ordered by key as the summary is. */
    private static List<Map<String, Object>> expectedGroups(List<Map<String, Object>> lots, String groupBy) {
        String keyField = switch (groupBy) {
            case "country" -> "countryCode";
            case "item" -> "itemCode";
            default -> "depotId";
        };
        Map<String, long[]> totals = new TreeMap<>();
        for (Map<String, Object> lot : lots) {
            long[] t = totals.computeIfAbsent((String) lot.get(keyField), k -> new long[3]);
            t[0]++;
            t[1] += ((Number) lot.get("onHand")).longValue();
            t[2] += ((Number) lot.get("reserved")).longValue();
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        totals.forEach((key, t) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("key", key);
            g.put("label", label(groupBy, key));
            g.put("lots", (int) t[0]);
            g.put("onHand", (int) t[1]);
            g.put("reserved", (int) t[2]);
            g.put("available", (int) (t[1] - t[2]));
            groups.add(g);
        });
        return groups;
    }

    private static String label(String groupBy, String key) {
        return switch (groupBy) {
            case "country" -> given().get("/api/v1/countries/{c}", key).then().statusCode(200).extract().path("name");
            case "item" -> {
                Map<String, Object> item = given().get("/api/v1/items/{c}", key).then().statusCode(200).extract()
                        .jsonPath().getMap("");
                yield item.get("name") + " (" + item.get("unit") + ")";
            }
            default -> {
                Map<String, Object> depot = given().get("/api/v1/depots/{id}", key).then().statusCode(200).extract()
                        .jsonPath().getMap("");
                yield depot.get("code") + " - " + depot.get("name");
            }
        };
    }
}
