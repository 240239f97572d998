package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * GET /stock as dashboards and services poll it: {@code since} (lots whose balance changed after an instant), the
 * keyset cursor {@code since} + {@code sinceId}, the batch lookup {@code lotId}, and typed query parameters whose
 * malformed values are 400 problems.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class StockPollingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sinceListsOnlyLotsWhoseBalanceChangedAfterItOldestChangeFirst() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("MOZ", org);
        List<String> lots = IntStream.range(0, 3).mapToObj(i -> Fixtures
                .receive(depot, Fixtures.receipt("NFI-BLANKET", 100, org)).then().statusCode(201)
                .extract().<String>path("lotId")).toList();
        String before = lotsOf(depot).get(2).get("updatedAt").toString();
        Fixtures.adjust(lots.get(1), -5, "DAMAGED").then().statusCode(201);
        Fixtures.adjust(lots.get(0), -5, "DAMAGED").then().statusCode(201);

        List<Map<String, Object>> changed = given().get("/api/v1/stock?depotId={d}&since={s}", depot, before).then()
                .statusCode(200).body("total", equalTo(2)).extract().jsonPath().getList("items");
        assertEquals(List.of(lots.get(1), lots.get(0)), changed.stream().map(l -> l.get("lotId")).toList());
        assertEquals(95, changed.get(0).get("onHand"));
        String last = changed.get(1).get("updatedAt").toString();
        given().get("/api/v1/stock?depotId={d}&since={s}", depot, last).then().statusCode(200)
                .body("total", equalTo(0));
        // without since the reading order stays, and every lot is listed
        given().get("/api/v1/stock?depotId={d}", depot).then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void keysetPagesReadEveryLotOnceEvenWhenLotsChangedAtTheSameInstant() throws SQLException {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("MWI", org);
        List<String> lots = IntStream.range(0, 7).mapToObj(i -> Fixtures
                .receive(depot, Fixtures.receipt("WASH-BUCKET-14L", 10 + i, org)).then().statusCode(201)
                .extract().<String>path("lotId")).toList();
        // five lots share one instant, as a receipt import or a reservation's lots do
        Instant shared = Instant.parse("2026-01-02T03:04:05.123456Z");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE stock_balance SET updated_at = ? WHERE lot_id = ?")) {
            for (String lot : lots.subList(1, 6)) {
                s.setTimestamp(1, Timestamp.from(shared));
                s.setObject(2, UUID.fromString(lot));
                s.executeUpdate();
            }
        }
        List<Object> expected = given().get("/api/v1/stock?depotId={d}&since=2000-01-01T00:00:00Z&size=50", depot)
                .then().statusCode(200).extract().jsonPath().getList("items.lotId");
        assertEquals(7, expected.size());

        List<Object> read = new ArrayList<>();
        String since = "2000-01-01T00:00:00Z";
        String sinceId = null;
        for (int round = 0; round < 10; round++) {
            RequestSpecification req = given().queryParam("depotId", depot).queryParam("since", since)
                    .queryParam("size", 2);
            if (sinceId != null) {
                req.queryParam("sinceId", sinceId);
            }
            List<Map<String, Object>> page = req.get("/api/v1/stock").then().statusCode(200).extract().jsonPath()
                    .getList("items");
            page.forEach(l -> read.add(l.get("lotId")));
            if (page.size() < 2) {
                break;
            }
            since = page.get(1).get("updatedAt").toString();
            sinceId = page.get(1).get("lotId").toString();
        }
        assertEquals(expected, read);
        // page and size keep working with since
        assertEquals(expected.subList(2, 4), given()
                .get("/api/v1/stock?depotId={d}&since=2000-01-01T00:00:00Z&page=1&size=2", depot).then()
                .statusCode(200).extract().jsonPath().getList("items.lotId"));
    }

    @Test
    void lotIdLooksUpJustTheLotsNamed() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("ZMB", org);
        List<String> lots = IntStream.range(0, 3).mapToObj(i -> Fixtures
                .receive(depot, Fixtures.receipt("NFI-BLANKET", 50, org)).then().statusCode(201)
                .extract().<String>path("lotId")).toList();
        List<Object> found = given().queryParam("lotId", lots.get(2), lots.get(0), UUID.randomUUID().toString())
                .get("/api/v1/stock").then().statusCode(200).body("total", equalTo(2)).extract().jsonPath()
                .getList("items.lotId");
        assertEquals(List.of(lots.get(0), lots.get(2)).stream().sorted().toList(),
                found.stream().map(Object::toString).sorted().toList());
        given().queryParam("lotId", lots.get(1)).queryParam("format", "csv").get("/api/v1/stock").then()
                .statusCode(200).body(containsString(lots.get(1)));

        List<String> tooMany = IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID().toString()).toList();
        given().queryParam("lotId", tooMany.toArray()).get("/api/v1/stock").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("At most 50 lotId"));
        given().queryParam("lotId", tooMany.subList(0, 50).toArray()).get("/api/v1/stock").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void malformedIdsAndInstantsAreBadRequestProblems() {
        for (String url : List.of("/api/v1/stock?depotId=nope", "/api/v1/stock?lotId=12345",
                "/api/v1/stock?since=yesterday", "/api/v1/stock?since=2026-11-23T06:00:00Z&sinceId=x",
                "/api/v1/stock?sinceId=" + UUID.randomUUID(), "/api/v1/stock/ledger?lotId=abc",
                "/api/v1/stock/ledger?since=2026-13-01", "/api/v1/depots?organisationId=not-a-uuid")) {
            given().get(url).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.notNullValue());
        }
        given().get("/api/v1/stock?sinceId=" + UUID.randomUUID()).then().statusCode(400)
                .body("detail", containsString("sinceId needs since"));
    }

    @Test
    void theDocumentTypesIdAndInstantQueryParameters() {
        io.restassured.path.json.JsonPath openapi = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> doc = openapi.getMap("paths");
        assertEquals("uuid", format(doc, "/api/v1/stock", "depotId"));
        assertEquals("uuid", format(doc, "/api/v1/stock", "sinceId"));
        assertEquals("date-time", format(doc, "/api/v1/stock", "since"));
        assertEquals("uuid", format(doc, "/api/v1/stock/ledger", "lotId"));
        assertEquals("date-time", format(doc, "/api/v1/stock/ledger", "since"));
        assertEquals("uuid", format(doc, "/api/v1/depots", "organisationId"));
        Map<String, Object> lotId = parameter(doc, "/api/v1/stock", "lotId");
        assertEquals("array", ((Map<?, ?>) lotId.get("schema")).get("type"));
        Map<?, ?> items = (Map<?, ?>) ((Map<?, ?>) lotId.get("schema")).get("items");
        Object ref = items.get("$ref");
        Map<?, ?> item = ref == null
                ? items
                : openapi.getMap("components.schemas." + ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
        assertEquals("uuid", item.get("format"));
    }

    private static Object format(Map<String, Object> paths, String path, String name) {
        Map<String, Object> p = parameter(paths, path, name);
        assertEquals(true, p.containsKey("example"), name + " has an example");
        return ((Map<?, ?>) p.get("schema")).get("format");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameter(Map<String, Object> paths, String path, String name) {
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
        return ((List<Map<String, Object>>) get.get("parameters")).stream().filter(p -> name.equals(p.get("name")))
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> lotsOf(String depot) {
        return given().get("/api/v1/stock?depotId={d}&size=50&since=2000-01-01T00:00:00Z", depot).then()
                .statusCode(200).extract().jsonPath().getList("items");
    }
}
