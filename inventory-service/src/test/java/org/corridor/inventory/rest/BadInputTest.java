package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sends malformed JSON, wrong types, missing fields and boundary values to every POST of the service: every answer must
 * be a 4xx problem (or a success, where a value is in fact allowed), never a 500.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class BadInputTest {

    private static final Logger LOG = Logger.getLogger(BadInputTest.class);
    private static final String LONG = "x".repeat(5000);

    /** A POST endpoint with a valid body, its required fields, and which fields must be positive. */
    record Endpoint(String name, Supplier<String> path, boolean needsKey, Supplier<Map<String, Object>> validBody,
            Set<String> required, Set<String> positive) {
    }

    private String org;
    private String depot;
    private String lot;
    private String team;
    private String entry;

    @BeforeEach
    void fixtures() {
        org = Fixtures.organisation();
        depot = Fixtures.depot("ITA", org);
        lot = Fixtures.lot(1000);
        team = Fixtures.createTeam(Fixtures.team(org, "WASH"));
        entry = (String) Fixtures.ledgerOf(lot).get(0).get("id");
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("organisations", () -> "/api/v1/organisations", false,
                        () -> map("name", Fixtures.unique("Org"), "type", "NGO", "countryCode", "KEN"),
                        Set.of("name", "type", "countryCode"), Set.of()),
                new Endpoint("depots", () -> "/api/v1/depots", false,
                        () -> map("code", Fixtures.unique("D"), "name", "Depot", "countryCode", "KEN", "latitude",
                                -1.29,
                                "longitude", 36.82, "organisationId", org, "kind", "NGO_WAREHOUSE"),
                        Set.of("code", "name", "countryCode", "latitude", "longitude", "organisationId", "kind"),
                        Set.of()),
                new Endpoint("items", () -> "/api/v1/items", false,
                        () -> map("code", Fixtures.unique("IT"), "name", "Item", "category", "NFI", "unit", "each",
                                "unitWeightKg", 1.0, "unitVolumeM3", 0.01, "shelfLifeDays", 365),
                        Set.of("code", "name", "category", "unit", "unitWeightKg", "unitVolumeM3"),
                        Set.of("unitWeightKg", "unitVolumeM3", "shelfLifeDays")),
                new Endpoint("receipts", () -> "/api/v1/depots/" + depot + "/receipts", false,
                        () -> map("itemCode", "NFI-BLANKET", "quantity", 10, "lotCode", Fixtures.unique("L"),
                                "expiresOn", LocalDate.now().plusYears(2).toString(), "donorOrganisationId", org,
                                "earmark", map("countryCodes", List.of("KEN"), "incidentTypes", List.of("FLOOD")),
                                "note", "n"),
                        Set.of("itemCode", "quantity", "lotCode", "donorOrganisationId"), Set.of("quantity")),
                new Endpoint("adjustments", () -> "/api/v1/stock/adjustments", false,
                        () -> map("lotId", lot, "delta", 1, "reason", "FOUND", "note", "n"),
                        Set.of("lotId", "delta", "reason"), Set.of()),
                new Endpoint("reversals", () -> "/api/v1/stock/reversals", false,
                        () -> map("ledgerEntryId", entry, "note", "n"),
                        Set.of("ledgerEntryId", "note"), Set.of()),
                new Endpoint("reservations", () -> "/api/v1/reservations", true,
                        () -> map("reference", "plan", "lines", List.of(map("lotId", lot, "quantity", 1))),
                        Set.of("reference", "lines"), Set.of()),
                new Endpoint("teams", () -> "/api/v1/teams", false,
                        () -> map("name", "Team", "countryCode", "KEN", "organisationId", org, "type", "WASH",
                                "members", 12,
                                "baseLatitude", -1.29, "baseLongitude", 36.82, "mobilisationHours", 24,
                                "selfSufficiencyDays", 14, "status", "AVAILABLE"),
                        Set.of("name", "countryCode", "organisationId", "type", "members", "baseLatitude",
                                "baseLongitude",
                                "mobilisationHours", "selfSufficiencyDays"),
                        Set.of("members")),
                new Endpoint("assignment", () -> "/api/v1/teams/" + team + "/assignment", false,
                        () -> map("reference", "plan-x"), Set.of("reference"), Set.of()));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static RequestSpecification request(Endpoint e) {
        RequestSpecification r = given().contentType(ContentType.JSON);
        return e.needsKey() ? r.header("Idempotency-Key", UUID.randomUUID().toString()) : r;
    }

    private static Response post(Endpoint e, Object body) {
        return request(e).body(body).post(e.path().get());
    }

    private static Response postRaw(Endpoint e, String raw) {
        return request(e).body(raw).post(e.path().get());
    }

    private static void assertProblem(Response r, int status, String what) {
        assertEquals(status, r.statusCode(), what + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), what + ": content type " + r.contentType());
        assertEquals(status, ((Number) r.path("status")).intValue(), what);
    }

    @Test
    void malformedBodiesAre400Problems() {
        for (Endpoint e : endpoints()) {
            assertProblem(postRaw(e, "{\"name\": "), 400, e.name() + " truncated JSON");
            assertProblem(postRaw(e, "not json at all"), 400, e.name() + " not JSON");
            assertProblem(postRaw(e, ""), 400, e.name() + " empty body");
            assertProblem(postRaw(e, "[]"), 400, e.name() + " array body");
            assertProblem(postRaw(e, "42"), 400, e.name() + " number body");
            assertProblem(postRaw(e, "null"), 400, e.name() + " null body");
            assertProblem(postRaw(e, "{}"), 400, e.name() + " empty object");
            Response xml = request(e).contentType(ContentType.XML).body("<a/>").post(e.path().get());
            assertTrue(xml.statusCode() == 415 || xml.statusCode() == 400, e.name() + " xml: " + xml.statusCode());
            assertTrue(xml.contentType().startsWith("application/problem+json"), e.name() + " xml content type");
        }
    }

    @Test
    void missingAndNullRequiredFieldsAre400() {
        for (Endpoint e : endpoints()) {
            for (String field : e.required()) {
                Map<String, Object> body = new HashMap<>(e.validBody().get());
                body.remove(field);
                Response r = post(e, body);
                assertProblem(r, 400, e.name() + " without " + field);
                assertTrue(r.asString().contains(field), e.name() + " problem names " + field + ": " + r.asString());
                body.put(field, null);
                assertProblem(post(e, body), 400, e.name() + " with null " + field);
            }
        }
    }

    @Test
    void tooLongStringsAndOutOfRangeNumbersAre400() {
        for (Endpoint e : endpoints()) {
            Map<String, Object> valid = e.validBody().get();
            for (Map.Entry<String, Object> f : valid.entrySet()) {
                String field = f.getKey();
                if (f.getValue() instanceof String && !field.endsWith("Id") && !field.equals("expiresOn")
                        && !(valid.get(field) instanceof String s && isEnumLike(e, field, s))) {
                    Map<String, Object> body = new HashMap<>(e.validBody().get());
                    body.put(field, LONG);
                    assertProblem(post(e, body), 400, e.name() + " " + field + " of 5000 characters");
                }
                if (f.getValue() instanceof Number) {
                    for (Object huge : List.of(1e12, 1_000_000_000_000L)) {
                        Map<String, Object> body = new HashMap<>(e.validBody().get());
                        body.put(field, huge);
                        assertProblem(post(e, body), 400, e.name() + " " + field + " = " + huge);
                    }
                    Map<String, Object> body = new HashMap<>(e.validBody().get());
                    body.put(field, -1e12);
                    assertProblem(post(e, body), 400, e.name() + " " + field + " = -1e12");
                }
            }
            for (String field : e.positive()) {
                for (Object bad : List.of(0, -1)) {
                    Map<String, Object> body = new HashMap<>(e.validBody().get());
                    body.put(field, bad);
                    assertProblem(post(e, body), 400, e.name() + " " + field + " = " + bad);
                }
            }
            // a number too big for any Java type
            String raw = toJson(e.validBody().get()).replaceFirst("^\\{",
                    "{\"quantity\": 99999999999999999999999999999999999999,");
            Response r = postRaw(e, raw);
            assertTrue(r.statusCode() < 500, e.name() + " overflowing number: " + r.asString());
        }
    }

    private static boolean isEnumLike(Endpoint e, String field, String value) {
        return value.equals(value.toUpperCase()) && value.matches("[A-Z_]+") && !field.equals("countryCode")
                && !field.equals("itemCode") && !field.equals("code");
    }

    @Test
    void specificBoundaryValues() {
        Endpoint receipts = endpoints().get(3);
        Map<String, Object> body = receipts.validBody().get();
        body.put("expiresOn", "2027-02-30");
        assertProblem(post(receipts, body), 400, "impossible date");
        body = receipts.validBody().get();
        body.put("earmark", map("incidentTypes", List.of("ALIENS")));
        assertProblem(post(receipts, body), 400, "unknown incident type");
        body = receipts.validBody().get();
        body.put("earmark", map("countryCodes", List.of("ke")));
        assertProblem(post(receipts, body), 400, "lower-case earmark country");
        body = receipts.validBody().get();
        body.put("donorOrganisationId", "not-a-uuid");
        assertProblem(post(receipts, body), 400, "bad uuid");
        body = receipts.validBody().get();
        body.put("quantity", 2.5);
        assertProblem(post(receipts, body), 400, "fractional quantity");

        Endpoint adjustments = endpoints().get(4);
        body = adjustments.validBody().get();
        body.put("delta", 0);
        Response zero = post(adjustments, body);
        assertProblem(zero, 400, "delta 0");
        assertTrue(zero.asString().contains("delta"));
        body.put("delta", 1_000_000_001);
        assertProblem(post(adjustments, body), 400, "delta above a billion");

        Endpoint reservations = endpoints().get(6);
        assertProblem(post(reservations, map("reference", "p", "lines", List.of())), 400, "no lines");
        assertProblem(post(reservations, map("reference", "p", "lines", List.of(map("lotId", lot, "quantity", 0)))),
                400, "quantity 0");
        assertProblem(post(reservations, map("reference", "p", "lines", List.of(map("lotId", lot, "quantity", -5)))),
                400, "quantity -5");
        assertProblem(post(reservations, map("reference", "p", "lines", List.of(map("lotId", lot)))), 400,
                "no quantity");
        assertProblem(post(reservations, map("reference", "p", "lines", java.util.Collections.singletonList(null))),
                400, "null line");
        assertProblem(post(reservations, map("reference", "   ", "lines", List.of(map("lotId", lot, "quantity", 1)))),
                400, "blank reference");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add(map("lotId", UUID.randomUUID().toString(), "quantity", 1));
        }
        assertProblem(post(reservations, map("reference", "p", "lines", many)), 400, "10,001 lines");
        String held = Fixtures.reserve(Fixtures.unique("k"), "p", List.of(Fixtures.line(lot, 1))).then()
                .statusCode(201).extract().path("id");
        for (String action : List.of("release", "consume")) {
            assertProblem(given().contentType(ContentType.JSON).body(map("reference", "s", "lines", many))
                    .post("/api/v1/reservations/{id}/" + action, held), 400, action + " of 10,001 lines");
        }
        Fixtures.lotBalance(lot).then().body("reserved", equalTo(1));
        assertProblem(post(reservations, map("reference", "p", "lines", "all of them")), 400, "lines as a string");

        Endpoint teams = endpoints().get(7);
        for (Object[] bad : new Object[][]{{"baseLatitude", 90.5}, {"baseLongitude", -180.01}, {"members", 10_001},
                {"mobilisationHours", 721}, {"selfSufficiencyDays", 366}, {"mobilisationHours", -1},
                {"type", "USAR_MEGA"},
                {"status", "ON_HOLIDAY"}, {"members", "many"}, {"members", 12.5}, {"countryCode", "IT"},
                {"name", map("first", "x")}}) {
            body = teams.validBody().get();
            body.put((String) bad[0], bad[1]);
            assertProblem(post(teams, body), 400, "team " + bad[0] + " = " + bad[1]);
        }

        Endpoint depots = endpoints().get(1);
        for (Object[] bad : new Object[][]{{"code", "lower-case"}, {"code", "A"}, {"latitude", "north"},
                {"kind", "GARAGE"}, {"organisationId", 12}}) {
            body = depots.validBody().get();
            body.put((String) bad[0], bad[1]);
            assertProblem(post(depots, body), 400, "depot " + bad[0] + " = " + bad[1]);
        }

        Endpoint items = endpoints().get(2);
        for (Object[] bad : new Object[][]{{"unitWeightKg", 0}, {"unitVolumeM3", -0.1}, {"shelfLifeDays", 36_501},
                {"category", "TOYS"}}) {
            body = items.validBody().get();
            body.put((String) bad[0], bad[1]);
            assertProblem(post(items, body), 400, "item " + bad[0] + " = " + bad[1]);
        }
    }

    /** Every field of every POST replaced by values of every wrong kind: never a 500. */
    @Test
    void noCombinationOfWrongValuesGivesA500() {
        List<Object> wrong = new ArrayList<>(List.of("", " ", "abc", LONG, 0, -1, 1e12, -1e12, 1.5, true,
                List.of(), List.of(1, 2), map("a", 1), "00000000-0000-0000-0000-000000000000", "1900-01-01"));
        wrong.add(null);
        int requests = 0;
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Endpoint e : endpoints()) {
            for (String field : e.validBody().get().keySet()) {
                for (Object value : wrong) {
                    Map<String, Object> body = new HashMap<>(e.validBody().get());
                    body.put(field, value);
                    Response r = post(e, body);
                    requests++;
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    assertTrue(r.statusCode() < 500,
                            e.name() + " " + field + " = " + abbreviate(value) + ": " + r.asString());
                    if (r.statusCode() >= 400) {
                        assertTrue(r.contentType().startsWith("application/problem+json"),
                                e.name() + " " + field + " = " + abbreviate(value));
                    }
                }
            }
        }
        LOG.infof("bad input: %d requests, statuses %s", requests, statuses);
        assertTrue(statuses.getOrDefault(400, 0) > requests / 2);
    }

    @Test
    void bodilessPostsOnUnknownIdsAre404() {
        for (String action : List.of("release", "consume")) {
            assertProblem(given().post("/api/v1/reservations/{id}/" + action, UUID.randomUUID()), 404, action);
            assertProblem(given().post("/api/v1/reservations/not-a-uuid/" + action), 404, action + " bad id");
        }
        assertProblem(
                given().contentType(ContentType.JSON).body(map("itemCode", "NFI-BLANKET", "quantity", 1, "lotCode", "L",
                        "donorOrganisationId", org)).post("/api/v1/depots/not-a-uuid/receipts"),
                404, "receipt bad depot id");
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String toJson(Map<String, Object> m) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
