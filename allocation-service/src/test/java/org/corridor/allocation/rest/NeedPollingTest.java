package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.incident;
import static org.corridor.allocation.support.Api.need;
import static org.corridor.allocation.support.Api.site;
import static org.corridor.allocation.support.Api.siteId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * GET /incidents/{id}/needs as dashboards poll it: {@code since} (needs recorded after an instant) and the keyset
 * cursor {@code since} + {@code sinceId}, in JSON and CSV; malformed values are 400 problems.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class NeedPollingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sinceListsOnlyNeedsRecordedAfterItAndTheCursorReadsEachOnce() throws SQLException {
        Map<String, Object> i = incident("Floods", "TUR", List.of(site("Rize", 41.02, 40.52, 800)));
        String incident = (String) i.get("id");
        String site = siteId(i, 0);
        List<String> needs = IntStream.range(0, 6)
                .mapToObj(n -> need(incident, site, InventoryStubs.TENT, 10 + n, "HIGH")).toList();
        String path = "/api/v1/incidents/" + incident + "/needs";

        List<Map<String, Object>> all = given().get(path + "?size=50").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertEquals(needs, all.stream().map(n -> n.get("id")).toList());
        String third = all.get(2).get("createdAt").toString();
        assertEquals(needs.subList(3, 6), given().queryParam("since", third).get(path).then().statusCode(200)
                .body("total", equalTo(3)).extract().jsonPath().getList("items.id"));
        String csv = given().queryParam("since", third).queryParam("format", "csv").get(path).then()
                .statusCode(200).extract().asString();
        assertEquals(3 + 2, csv.strip().split("\n").length, csv);

        // four needs recorded at one instant: the cursor still reads each exactly once
        Instant shared = Instant.parse("2026-03-04T05:06:07.123456Z");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE need SET created_at = ? WHERE id = ?")) {
            for (String n : needs.subList(1, 5)) {
                s.setTimestamp(1, Timestamp.from(shared));
                s.setObject(2, UUID.fromString(n));
                s.executeUpdate();
            }
        }
        List<Object> expected = given().get(path + "?size=50").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
        List<Object> read = new ArrayList<>();
        String since = "2000-01-01T00:00:00Z";
        String sinceId = null;
        for (int round = 0; round < 10; round++) {
            RequestSpecification req = given().queryParam("since", since).queryParam("size", 2);
            if (sinceId != null) {
                req.queryParam("sinceId", sinceId);
            }
            List<Map<String, Object>> page = req.get(path).then().statusCode(200).extract().jsonPath()
                    .getList("items");
            page.forEach(n -> read.add(n.get("id")));
            if (page.size() < 2) {
                break;
            }
            since = page.get(1).get("createdAt").toString();
            sinceId = page.get(1).get("id").toString();
        }
        assertEquals(expected, read);
        assertEquals(6, read.size());
    }

    @Test
    void malformedFiltersAreBadRequestProblems() {
        Map<String, Object> i = incident("Storm", "TUR", List.of(site("Trabzon", 41.0, 39.72, 300)));
        String path = "/api/v1/incidents/" + i.get("id") + "/needs";
        for (String query : List.of("since=last-week", "since=2026-11-23T06:00:00Z&sinceId=nope", "siteId=12",
                "sinceId=" + UUID.randomUUID())) {
            given().get(path + "?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", notNullValue());
        }
        given().get(path + "?sinceId=" + UUID.randomUUID()).then().statusCode(400)
                .body("detail", containsString("sinceId needs since"));
    }
}
