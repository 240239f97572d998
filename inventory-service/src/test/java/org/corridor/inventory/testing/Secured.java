package org.corridor.inventory.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.Tokens;

/**
 * Helpers for the security tests: real signed tokens from {@link JwtTestResource} (never {@code @TestSecurity}),
 * fixtures created through the API with an ADMIN token, and a fingerprint of everything the service stores, to prove
 * that a refused request changed nothing.
 */
public final class Secured {

    public static final String PROBLEM = "application/problem+json";

    /** Words that would betray internals in an error body: stack frames, class or package names, SQL. */
    public static final List<String> INTERNALS = List.of("Exception", "org.corridor", "java.", "jakarta.", "io.quarkus",
            "hibernate", "Hibernate", "at org.", "SELECT ", "select ", "PSQL", "postgres", "stack", "\tat ");

    private static String admin;

    private Secured() {
    }

    public static Tokens tokens() {
        return JwtTestResource.tokens();
    }

    public static synchronized String adminToken() {
        if (admin == null) {
            admin = tokens().forRoles("ADMIN");
        }
        return admin;
    }

    public static RequestSpecification as(String token) {
        RequestSpecification r = given();
        return token == null ? r : r.header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification admin() {
        return as(adminToken());
    }

    public static String organisation() {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Org"), "type", "DONOR_AGENCY", "countryCode", "DEU"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    public static String depot(String organisationId) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.unique("SEC"), "name", "Depot", "countryCode", "TUR", "latitude", 37.0,
                        "longitude", 35.3, "organisationId", organisationId, "kind", "UN_HUB"))
                .post("/api/v1/depots").then().statusCode(201).extract().path("id");
    }

    /** A new lot of family tents donated by {@code donor} in {@code depot}. */
    public static String lot(String depot, String donor, long quantity) {
        return admin().contentType(ContentType.JSON).body(Fixtures.receipt("SHL-TENT-FAMILY", quantity, donor))
                .post("/api/v1/depots/{id}/receipts", depot).then().statusCode(201).extract().path("lotId");
    }

    /** The RECEIPT entry of a lot. */
    public static String receiptEntry(String lot) {
        return admin().get("/api/v1/stock/ledger?lotId=" + lot).then().statusCode(200).extract().path("items[0].id");
    }

    public static String team(String organisationId) {
        return admin().contentType(ContentType.JSON).body(Fixtures.team(organisationId, "WASH"))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id");
    }

    public static String reservation(String lot, long quantity) {
        return admin().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reference", Fixtures.unique("plan"), "lines", List.of(Fixtures.line(lot, quantity))))
                .post("/api/v1/reservations").then().statusCode(201).extract().path("id");
    }

    /** "onHand/reserved" of a lot, as an ADMIN sees it. */
    public static String balance(String lot) {
        Response r = admin().get("/api/v1/stock/lots/{id}", lot).then().statusCode(200).extract().response();
        return r.path("onHand") + "/" + r.path("reserved");
    }

    /**
     * Row counts of every table, and digests of every balance, reservation and team status: equal before and after a
     * request only if it changed nothing the service stores.
     */
    public static String fingerprint(DataSource ds) {
        String sql = """
                SELECT concat_ws(' | ',
                  (SELECT count(*) FROM organisation), (SELECT count(*) FROM depot), (SELECT count(*) FROM item),
                  (SELECT count(*) FROM stock_lot), (SELECT count(*) FROM ledger_entry), (SELECT count(*) FROM reservation),
                  (SELECT count(*) FROM reservation_settlement), (SELECT count(*) FROM team),
                  (SELECT count(*) FROM idempotency_record),
                  (SELECT md5(coalesce(string_agg(lot_id || ':' || on_hand || ':' || reserved, ',' ORDER BY lot_id), '')) FROM stock_balance),
                  (SELECT md5(coalesce(string_agg(id || ':' || status || ':' || updated_at, ',' ORDER BY id), '')) FROM reservation),
                  (SELECT md5(coalesce(string_agg(id || ':' || status || ':' || coalesce(assignment_reference, '-'), ',' ORDER BY id), '')) FROM team))""";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal is a problem document with the status it was sent with and nothing internal in it. */
    public static void assertProblem(Response r, int status, String what) {
        assertEquals(status, r.statusCode(), what + ": " + r.asString());
        assertEquals(PROBLEM, r.contentType().split(";")[0].trim(), what + " content type");
        assertEquals(status, (int) r.path("status"), what + " problem status");
        assertNoInternals(r.asString(), what);
    }

    public static void assertNoInternals(String body, String what) {
        for (String word : INTERNALS) {
            assertFalse(body.contains(word), what + " answers something internal (" + word + "): " + body);
        }
    }
}
