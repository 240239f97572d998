package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.corridor.common.csv.CsvTable;
import org.corridor.common.csv.CsvTableReader;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The HXL-tagged CSV representation of the lists: it parses back, carries the HXL row, and says what JSON says. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class CsvExportTest {

    static CsvTable csv(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        return CsvTableReader.read(new ByteArrayInputStream(r.asByteArray()), 1_000_000);
    }

    @Test
    void stockCsvHasHeaderHxlRowAndTheValuesOfTheJsonAnswer() {
        String donor = Fixtures.organisation("DONOR_AGENCY", "BEL");
        String depot = Fixtures.depot("ARE", donor);
        Map<String, Object> earmarked = Fixtures.receipt("WASH-HYGIENE-KIT", 500, donor);
        earmarked.put("earmark", Map.of("countryCodes", List.of("TUR", "SYR"), "incidentTypes", List.of("EARTHQUAKE")));
        Fixtures.receive(depot, earmarked).then().statusCode(201);
        Fixtures.receive(depot, Fixtures.receipt("SHL-TENT-FAMILY", 40, donor)).then().statusCode(201);
        Map<String, Object> durable = Fixtures.receipt("NFI-BLANKET", 7, donor);
        durable.remove("expiresOn");
        Fixtures.receive(depot, durable).then().statusCode(201);

        List<Map<String, Object>> json = given().get("/api/v1/stock?depotId={d}&size=100", depot).then()
                .statusCode(200).extract().path("items");
        CsvTable table = csv(given().get("/api/v1/stock?depotId={d}&format=csv", depot));

        assertEquals(List.of("lotId", "depotCode", "depotName", "countryCode", "latitude", "longitude", "itemCode",
                "lotCode", "expiresOn", "donorOrganisationId", "donorName", "earmarkCountryCodes",
                "earmarkIncidentTypes", "onHand", "reserved", "available", "receivedAt"), table.header());
        assertEquals(List.of("#meta +id", "#loc +code", "#loc +name", "#country +code", "#geo +lat", "#geo +lon",
                "#item +code", "#item +lot", "#date +expiry", "#org +funder +id", "#org +funder +name",
                "#country +code +earmark", "#crisis +type +earmark", "#indicator +num +onhand",
                "#indicator +num +reserved", "#indicator +num +available", "#date +received"), table.hashtags());
        assertEquals(3, json.size());
        assertEquals(json.size(), table.rows().size());
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> j = json.get(i);
            CsvTable.Row c = table.rows().get(i);
            assertEquals(i + 3, c.number());
            for (String field : List.of("lotId", "depotCode", "depotName", "countryCode", "itemCode", "lotCode",
                    "expiresOn", "donorOrganisationId", "donorName", "onHand", "reserved", "available")) {
                assertEquals(j.get(field) == null ? null : String.valueOf(j.get(field)), c.get(field), field);
            }
            // REST Assured reads JSON decimals as floats
            assertEquals(((Number) j.get("latitude")).floatValue(), Float.parseFloat(c.get("latitude")));
            assertEquals(((Number) j.get("longitude")).floatValue(), Float.parseFloat(c.get("longitude")));
            assertEquals(java.time.Instant.parse((String) j.get("receivedAt")),
                    java.time.Instant.parse(c.get("receivedAt")));
            @SuppressWarnings("unchecked")
            Map<String, List<String>> earmark = (Map<String, List<String>>) j.get("earmark");
            assertEquals(earmark == null ? null : String.join(";", earmark.get("countryCodes")),
                    c.get("earmarkCountryCodes"));
            assertEquals(earmark == null ? null : String.join(";", earmark.get("incidentTypes")),
                    c.get("earmarkIncidentTypes"));
        }
        assertEquals("SYR;TUR", table.rows().stream().filter(r -> "WASH-HYGIENE-KIT".equals(r.get("itemCode")))
                .findFirst().orElseThrow().get("earmarkCountryCodes"));
    }

    @Test
    void acceptTextCsvAsksForCsvAndJsonStaysTheDefault() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("ITA", org);
        Fixtures.receive(depot, Fixtures.receipt("SHL-TENT-FAMILY", 10, org)).then().statusCode(201);
        Response r = given().accept("text/csv").get("/api/v1/stock?depotId={d}", depot);
        assertEquals(1, csv(r).rows().size());
        assertTrue(r.header("Content-Disposition").contains("stock.csv"));
        given().get("/api/v1/stock?depotId={d}", depot).then().statusCode(200).contentType("application/json");
        given().accept("text/csv").get("/api/v1/stock?depotId={d}&format=json", depot).then().statusCode(200)
                .contentType("application/json");
        given().accept("application/json;q=0.5, text/csv").get("/api/v1/stock?depotId={d}", depot).then()
                .statusCode(200).contentType("text/csv; charset=UTF-8");
        given().get("/api/v1/stock?format=xml").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void summaryCsvIsTaggedAfterItsGroupsAndMatchesJson() {
        for (String groupBy : List.of("country", "item", "depot")) {
            List<Map<String, Object>> json = given().get("/api/v1/stock/summary?groupBy={g}", groupBy).then()
                    .statusCode(200).extract().path("groups");
            CsvTable table = csv(given().get("/api/v1/stock/summary?groupBy={g}&format=csv", groupBy));
            assertEquals(List.of("key", "label", "lots", "onHand", "reserved", "available"), table.header());
            assertEquals(switch (groupBy) {
                case "item" -> List.of("#item +code", "#item +name");
                case "depot" -> List.of("#loc +id", "#loc +name");
                default -> List.of("#country +code", "#country +name");
            }, table.hashtags().subList(0, 2));
            assertEquals("#indicator +num +available", table.hashtags().get(5));
            assertEquals(json.size(), table.rows().size());
            for (int i = 0; i < json.size(); i++) {
                for (String f : table.header()) {
                    assertEquals(String.valueOf(json.get(i).get(f)), table.rows().get(i).get(f), groupBy + " " + f);
                }
            }
        }
    }

    @Test
    void teamsCsvListsEveryMatchingTeamWithTheJsonValues() {
        String org = Fixtures.organisation();
        String a = Fixtures.createTeam(Fixtures.team(org, "EMT_TYPE_2"));
        Map<String, Object> comma = Fixtures.team(org, "EMT_TYPE_2");
        comma.put("name", Fixtures.unique("Team \"Sud\", Napoli"));
        String b = Fixtures.createTeam(comma);
        List<Map<String, Object>> json = given().get("/api/v1/teams?type=EMT_TYPE_2&size=500").then()
                .statusCode(200).extract().path("items");
        CsvTable table = csv(given().accept("text/csv").get("/api/v1/teams?type=EMT_TYPE_2&size=1"));
        assertEquals("#group +name", table.hashtags().get(table.header().indexOf("name")));
        assertEquals("#status", table.hashtags().get(table.header().indexOf("status")));
        assertEquals(json.size(), table.rows().size(), "page and size do not apply to the export");
        assertTrue(table.rows().stream().map(r -> r.get("id")).toList().containsAll(List.of(a, b)));
        for (int i = 0; i < json.size(); i++) {
            for (String f : List.of("id", "name", "countryCode", "organisationId", "type", "members", "status",
                    "mobilisationHours", "selfSufficiencyDays")) {
                assertEquals(String.valueOf(json.get(i).get(f)), table.rows().get(i).get(f), f);
            }
        }
    }
}
