package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.problem;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.allocation.support.PlanFixtures;
import org.corridor.common.csv.CsvTable;
import org.corridor.common.csv.CsvTableReader;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The needs with their coverage and the 3W, as HXL-tagged CSV (parsed back with common's reader) and as JSON: the two
 * say the same, the CSV is tagged, the 3W names the lots' donor.
 */
@QuarkusTest
@TestSecurity(user = "test-dashboard", roles = {Roles.DASHBOARD, Roles.LOGISTICS_OFFICER})
class DataExchangeTest {

    @InjectWireMock
    WireMockServer inventory;

    String incidentId;
    String antakya;
    String islahiye;
    String tentNeed;
    String blanketNeed;

    @BeforeEach
    void incidentWithCoveredNeeds() {
        Map<String, Object> i = incident("Exchange quake", "TUR",
                List.of(site("Antakya", 36.2, 36.16, 2000), site("Islahiye, Gaziantep", 37.03, 36.63, 500)));
        incidentId = (String) i.get("id");
        antakya = siteId(i, 0);
        islahiye = siteId(i, 1);
        tentNeed = need(incidentId, antakya, InventoryStubs.TENT, 500, "CRITICAL");
        blanketNeed = need(incidentId, islahiye, InventoryStubs.BLANKET, 2000, "MEDIUM");
        PlanFixtures.approved(incidentId)
                .line(tentNeed, antakya, InventoryStubs.TENT, InventoryStubs.LOT_TENT_GAZIANTEP, "TUR", 200,
                        LineState.DELIVERED, 195, 5)
                .line(tentNeed, antakya, InventoryStubs.TENT, InventoryStubs.LOT_TENT_DUBAI, "ARE", 100,
                        LineState.DISPATCHED)
                .line(blanketNeed, islahiye, InventoryStubs.BLANKET, InventoryStubs.LOT_BLANKET_GAZIANTEP, "TUR",
                        1500, LineState.APPROVED)
                .save();
    }

    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    static CsvTable csv(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        return CsvTableReader.read(new ByteArrayInputStream(r.asByteArray()), 100_000);
    }

    @Test
    void needsCsvIsTaggedAndCarriesTheCoverageAndTheSite() {
        CsvTable t = csv(given().accept("text/csv").get("/api/v1/incidents/{id}/needs", incidentId));
        assertEquals(List.of("needId", "incidentId", "siteId", "siteName", "countryCode", "latitude", "longitude",
                "itemCode", "priority", "deliverBy", "requested", "approved", "dispatched", "delivered", "rejected",
                "lost", "uncovered"), t.header());
        assertEquals(List.of("#meta +id", "#crisis +id", "#loc +id", "#loc +name", "#country +code", "#geo +lat",
                "#geo +lon", "#item +code", "#severity +priority", "#date +deliver_by", "#indicator +num +requested",
                "#indicator +num +approved", "#indicator +num +dispatched", "#indicator +num +delivered",
                "#indicator +num +rejected", "#indicator +num +lost", "#indicator +num +uncovered"), t.hashtags());
        assertEquals(2, t.rows().size());

        CsvTable.Row tents = t.rows().get(0);
        assertEquals(3, tents.number(), "the first data row follows the header and the hashtag row");
        assertEquals(tentNeed, tents.get("needId"));
        assertEquals("Antakya", tents.get("siteName"));
        assertEquals("TUR", tents.get("countryCode"));
        assertEquals(36.2, Double.parseDouble(tents.get("latitude")));
        assertEquals(36.16, Double.parseDouble(tents.get("longitude")));
        assertEquals("CRITICAL", tents.get("priority"));
        assertEquals("2023-02-12T00:00:00Z", tents.get("deliverBy"));
        // 500 asked; 195 accepted + 5 rejected of 200 delivered, 100 on the road: 500 - 100 - 195 = 205 uncovered
        assertEquals(List.of("500", "0", "100", "195", "5", "0", "205"), counters(tents));

        CsvTable.Row blankets = t.rows().get(1);
        assertEquals("Islahiye, Gaziantep", blankets.get("siteName"), "a comma in a cell is quoted, not a column");
        assertEquals(List.of("2000", "1500", "0", "0", "0", "0", "500"), counters(blankets));
    }

    @Test
    void needsCsvSaysWhatTheJsonSays() {
        List<Map<String, Object>> json = given().get("/api/v1/incidents/{id}/needs?size=500", incidentId).then()
                .statusCode(200).extract().path("items");
        CsvTable t = csv(given().get("/api/v1/incidents/{id}/needs?format=csv", incidentId));
        assertEquals(json.size(), t.rows().size());
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> n = json.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) n.get("coverage");
            CsvTable.Row row = t.rows().get(i);
            assertEquals(n.get("id"), row.get("needId"));
            assertEquals(n.get("siteId"), row.get("siteId"));
            assertEquals(n.get("itemCode"), row.get("itemCode"));
            assertEquals(List.of(c.get("requested"), c.get("approved"), c.get("dispatched"), c.get("delivered"),
                    c.get("rejected"), c.get("lost"), c.get("uncovered")).stream().map(String::valueOf).toList(),
                    counters(row));
        }
    }

    @Test
    void needsCsvOfOneSiteAndItsErrors() {
        CsvTable t = csv(given().get("/api/v1/incidents/{id}/needs?format=csv&siteId={s}", incidentId, islahiye));
        assertEquals(1, t.rows().size());
        assertEquals(blanketNeed, t.rows().get(0).get("needId"));

        problem(given().accept("text/csv").get("/api/v1/incidents/{id}/needs",
                "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11").then(), 404);
        problem(given().get("/api/v1/incidents/{id}/needs?format=xml", incidentId).then(), 400);
        problem(given().get("/api/v1/incidents/{id}/needs?format=csv&siteId=nope", incidentId).then(), 400);
        // format=json wins over Accept
        given().accept("text/csv").get("/api/v1/incidents/{id}/needs?format=json", incidentId).then()
                .statusCode(200).contentType("application/json");
    }

    @Test
    void needsJsonAnswersIfNoneMatchWith304UntilANeedChanges() {
        String path = "/api/v1/incidents/" + incidentId + "/needs";
        String tag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertNotNull(tag);
        given().header("If-None-Match", tag).get(path).then().statusCode(304);
        need(incidentId, antakya, InventoryStubs.JERRYCAN, 40, "HIGH");
        given().header("If-None-Match", tag).get(path).then().statusCode(200);
    }

    @Test
    void whoWhatWhereNamesTheDonorOfTheLotsPerSiteItemAndState() {
        String path = "/api/v1/incidents/" + incidentId + "/who-what-where";
        Response r = given().get(path);
        assertEquals(200, r.statusCode(), r.asString());
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        assertEquals(3, r.jsonPath().getInt("total"));
        // ordered by organisation, site name, item and state
        assertEquals(List.of("Antakya|SHELTER-FAMILY-TENT|DELIVERED|200|195",
                "Antakya|SHELTER-FAMILY-TENT|DISPATCHED|100|0",
                "Islahiye, Gaziantep|NFI-BLANKET|APPROVED|1500|0"),
                items.stream().map(i -> i.get("siteName") + "|" + i.get("itemCode") + "|" + i.get("status") + "|"
                        + i.get("quantity") + "|" + i.get("delivered")).toList());
        assertEquals("Donor agency", items.get(0).get("organisation"));
        assertEquals("00000000-0000-4000-8000-00000000000a", items.get(0).get("organisationId"));
        assertEquals("TUR", items.get(0).get("countryCode"));

        List<Map<String, Object>> second = given().get(path + "?page=1&size=2").then().statusCode(200)
                .extract().path("items");
        assertEquals(1, second.size());
        assertEquals("NFI-BLANKET", second.get(0).get("itemCode"));

        CsvTable t = csv(given().accept("text/csv").get(path));
        assertEquals(List.of("#org +impl +id", "#org +impl +name", "#item +code", "#loc +id", "#loc +name",
                "#country +code", "#status", "#indicator +num +quantity", "#indicator +num +delivered"), t.hashtags());
        assertEquals(3, t.rows().size());
        for (int i = 0; i < items.size(); i++) {
            CsvTable.Row row = t.rows().get(i);
            assertEquals(items.get(i).get("organisation"), row.get("organisation"));
            assertEquals(items.get(i).get("siteId"), row.get("siteId"));
            assertEquals(items.get(i).get("status"), row.get("status"));
            assertEquals(String.valueOf(items.get(i).get("quantity")), row.get("quantity"));
            assertEquals(String.valueOf(items.get(i).get("delivered")), row.get("delivered"));
        }
    }

    @Test
    void whoWhatWhereLooksUpJustTheLotsItsLinesDrawFrom() {
        inventory.resetRequests();
        given().get("/api/v1/incidents/{id}/who-what-where", incidentId).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(3));
        var calls = inventory.findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/api/v1/stock")));
        assertEquals(1, calls.size());
        assertEquals(java.util.Set.of(InventoryStubs.LOT_TENT_GAZIANTEP.toString(),
                InventoryStubs.LOT_TENT_DUBAI.toString(), InventoryStubs.LOT_BLANKET_GAZIANTEP.toString()),
                java.util.Set.copyOf(calls.get(0).queryParameter("lotId").values()));
    }

    @Test
    void whoWhatWhereIsA503WhenInventoryCannotNameTheOrganisations() {
        inventory.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/stock")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(503)));
        problem(given().get("/api/v1/incidents/{id}/who-what-where", incidentId).then(), 503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        problem(given().get("/api/v1/incidents/{id}/who-what-where",
                "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11").then(), 404);
    }

    @Test
    void anIncidentWithoutApprovedLinesHasAnEmpty3w() {
        Map<String, Object> i = incident("Quiet", "TUR", List.of(site("Nurdagi", 37.18, 36.74, 100)));
        String id = (String) i.get("id");
        need(id, siteId(i, 0), InventoryStubs.TENT, 10, "LOW");
        given().get("/api/v1/incidents/{id}/who-what-where", id).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        CsvTable t = csv(given().get("/api/v1/incidents/{id}/who-what-where?format=csv", id));
        assertEquals(9, t.header().size());
        assertEquals(List.of(), t.rows());
    }

    private static List<String> counters(CsvTable.Row row) {
        return List.of(row.get("requested"), row.get("approved"), row.get("dispatched"), row.get("delivered"),
                row.get("rejected"), row.get("lost"), row.get("uncovered"));
    }
}
