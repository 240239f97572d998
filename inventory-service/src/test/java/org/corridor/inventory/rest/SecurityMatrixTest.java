package org.corridor.inventory.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.Tokens;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.Secured;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The role matrix of the security brief, over every endpoint of the service: each role (with a real signed token) and
 * no token at all, against each method and path, with real ids. An admitted role gets the endpoint's success status;
 * any other gets a 403 problem; no token a 401 problem with a Bearer challenge; forged, expired, wrong-issuer and
 * garbage tokens a 401 invalid_token problem on every resource class. Every refused request is proven to have changed
 * nothing the service stores. The tested matrix is printed to the test log.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class SecurityMatrixTest {

    private static final Logger LOG = Logger.getLogger(SecurityMatrixTest.class);

    static final Set<String> R = Set.of(Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN,
            Roles.SERVICE);
    static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    static final Set<String> OPS_S = Set.of(Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE);
    static final Set<String> READ = Set.of(Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE);
    static final Set<String> DONOR_OPS = Set.of(Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.ADMIN);
    static final List<String> ROLES = List.of(Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN,
            Roles.SERVICE);

    /** One request, made fresh (with its own fixtures) for each caller. */
    record Call(String method, String path, Object body, Map<String, String> headers) {
        Response send(RequestSpecification spec) {
            headers.forEach(spec::header);
            if (body != null) {
                // a body given with its own Content-Type (a CSV upload) is sent as it is, any other as JSON
                (headers.containsKey("Content-Type") ? spec : spec.contentType(ContentType.JSON)).body(body);
            }
            return spec.request(method, path);
        }
    }

    /** An endpoint: its resource class, method and path template, who may call it, and what success is. */
    record Endpoint(String resource, String method, String template, Set<String> allowed, int success,
            Function<String, Call> call) {
        String name() {
            return method + " " + template;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** The donor organisation the DONOR token acts for; its own lots are what the DONOR may touch. */
    private String donor;
    private String depot;

    @BeforeEach
    void world() {
        donor = Secured.organisation();
        depot = Secured.depot(donor);
    }

    private static Call call(String method, String path) {
        return new Call(method, path, null, Map.of());
    }

    private static Call call(String method, String path, Object body) {
        return new Call(method, path, body, Map.of());
    }

    private static Call keyed(String method, String path, Object body) {
        return new Call(method, path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** Every endpoint of inventory-service, with the roles the brief admits. */
    private List<Endpoint> endpoints() {
        String v = "/api/v1";
        return List.of(
                new Endpoint("Countries", "GET", "/countries", R, 200,
                        role -> call("GET", v + "/countries?region=Asia")),
                new Endpoint("Countries", "GET", "/countries/{iso3}", R, 200,
                        role -> call("GET", v + "/countries/TUR")),

                new Endpoint("Organisations", "POST", "/organisations", ADMIN, 201,
                        role -> call("POST", v + "/organisations",
                                Map.of("name", Fixtures.unique("Org"), "type", "NGO", "countryCode", "KEN"))),
                new Endpoint("Organisations", "GET", "/organisations", R, 200,
                        role -> call("GET", v + "/organisations")),
                new Endpoint("Organisations", "GET", "/organisations/{id}", R, 200,
                        role -> call("GET", v + "/organisations/" + donor)),

                new Endpoint("Depots", "POST", "/depots", ADMIN, 201, role -> call("POST", v + "/depots",
                        Map.of("code", Fixtures.unique("D"), "name", "Depot", "countryCode", "KEN", "latitude", -1.29,
                                "longitude", 36.82, "organisationId", donor, "kind", "NATIONAL_RESERVE"))),
                new Endpoint("Depots", "GET", "/depots", R, 200, role -> call("GET", v + "/depots")),
                new Endpoint("Depots", "GET", "/depots/{id}", R, 200, role -> call("GET", v + "/depots/" + depot)),
                new Endpoint("Depots", "POST", "/depots/{id}/receipts", DONOR_OPS, 201, role -> call("POST",
                        v + "/depots/" + depot + "/receipts", Fixtures.receipt("SHL-TENT-FAMILY", 10, donor))),

                new Endpoint("Items", "POST", "/items", ADMIN, 201, role -> call("POST", v + "/items",
                        Map.of("code", Fixtures.unique("NFI-TEST"), "name", "Test item", "category", "NFI", "unit",
                                "each",
                                "unitWeightKg", 1.0, "unitVolumeM3", 0.01))),
                new Endpoint("Items", "GET", "/items", R, 200, role -> call("GET", v + "/items")),
                new Endpoint("Items", "GET", "/items/{code}", R, 200,
                        role -> call("GET", v + "/items/SHL-TENT-FAMILY")),

                new Endpoint("Stock", "GET", "/stock", R, 200, role -> call("GET", v + "/stock?availableOnly=true")),
                new Endpoint("Stock", "GET", "/stock/summary", R, 200,
                        role -> call("GET", v + "/stock/summary?groupBy=item")),
                new Endpoint("Stock", "GET", "/stock/lots/{id}", R, 200, role -> call("GET",
                        v + "/stock/lots/" + Secured.lot(depot, donor, 10))),
                new Endpoint("Stock", "GET", "/stock/ledger", R, 200, role -> call("GET", v + "/stock/ledger")),
                new Endpoint("Stock", "GET", "/stock/ledger/{id}", R, 200, role -> call("GET",
                        v + "/stock/ledger/" + Secured.receiptEntry(Secured.lot(depot, donor, 10)))),
                new Endpoint("Stock", "POST", "/stock/adjustments", DONOR_OPS, 201,
                        role -> call("POST", v + "/stock/adjustments",
                                Map.of("lotId", Secured.lot(depot, donor, 10), "delta", -1, "reason", "DAMAGED"))),
                new Endpoint("Stock", "POST", "/stock/reversals", DONOR_OPS, 201,
                        role -> call("POST", v + "/stock/reversals",
                                Map.of("ledgerEntryId", Secured.receiptEntry(Secured.lot(depot, donor, 10)), "note",
                                        "registered twice"))),

                new Endpoint("Reservations", "POST", "/reservations", OPS_S, 201,
                        role -> keyed("POST", v + "/reservations",
                                Map.of("reference", Fixtures.unique("plan"), "lines",
                                        List.of(Fixtures.line(Secured.lot(depot, donor, 10), 4))))),
                new Endpoint("Reservations", "GET", "/reservations", READ, 200,
                        role -> call("GET", v + "/reservations")),
                new Endpoint("Reservations", "GET", "/reservations/{id}", READ, 200, role -> call("GET",
                        v + "/reservations/" + Secured.reservation(Secured.lot(depot, donor, 10), 4))),
                new Endpoint("Reservations", "POST", "/reservations/{id}/release (body)", OPS_S, 200,
                        role -> call("POST",
                                v + "/reservations/" + Secured.reservation(Secured.lot(depot, donor, 10), 4)
                                        + "/release",
                                Map.of("reference", Fixtures.unique("cancel")))),
                new Endpoint("Reservations", "POST", "/reservations/{id}/consume (body)", OPS_S, 200,
                        role -> call("POST",
                                v + "/reservations/" + Secured.reservation(Secured.lot(depot, donor, 10), 4)
                                        + "/consume",
                                Map.of("reference", Fixtures.unique("ship")))),
                new Endpoint("Reservations", "POST", "/reservations/{id}/release (no body)", OPS_S, 200,
                        role -> call("POST",
                                v + "/reservations/" + Secured.reservation(Secured.lot(depot, donor, 10), 4)
                                        + "/release")),
                new Endpoint("Reservations", "POST", "/reservations/{id}/consume (no body)", OPS_S, 200,
                        role -> call("POST",
                                v + "/reservations/" + Secured.reservation(Secured.lot(depot, donor, 10), 4)
                                        + "/consume")),

                new Endpoint("Teams", "POST", "/teams", ADMIN, 201, role -> call("POST", v + "/teams",
                        Fixtures.team(donor, "USAR_MEDIUM"))),
                new Endpoint("Teams", "GET", "/teams", R, 200, role -> call("GET", v + "/teams?status=AVAILABLE")),
                new Endpoint("ReceiptImports", "POST", "/receipt-imports", DONOR_OPS, 201,
                        role -> new Call("POST", v + "/receipt-imports", receiptCsv(), Map.of("Content-Type",
                                "text/csv"))),
                new Endpoint("ReceiptImports", "GET", "/receipt-imports/{id}", R, 200, role -> call("GET",
                        v + "/receipt-imports/" + Secured.admin().contentType("text/csv").body(receiptCsv())
                                .post(v + "/receipt-imports").then().statusCode(201).extract().path("id"))),
                new Endpoint("Teams", "GET", "/teams/{id}", R, 200,
                        role -> call("GET", v + "/teams/" + Secured.team(donor))),
                new Endpoint("Teams", "POST", "/teams/{id}/assignment", OPS_S, 200, role -> call("POST",
                        v + "/teams/" + Secured.team(donor) + "/assignment",
                        Map.of("reference", Fixtures.unique("plan")))),
                new Endpoint("Teams", "DELETE", "/teams/{id}/assignment", OPS_S, 200, role -> {
                    String team = Secured.team(donor);
                    Secured.admin().contentType(ContentType.JSON).body(Map.of("reference", "plan-x"))
                            .post(v + "/teams/{id}/assignment", team).then().statusCode(200);
                    return call("DELETE", v + "/teams/" + team + "/assignment");
                }));
    }

    /** A one-row receipt upload of a new lot from the donor into the depot. */
    private String receiptCsv() {
        String code = Secured.admin().get("/api/v1/depots/{id}", depot).then().statusCode(200).extract().path("code");
        return ReceiptImportTest.HEADER + code + ",SHL-TENT-FAMILY,3," + Fixtures.unique("LOT") + ","
                + ReceiptImportTest.expiry() + "," + donor + ",,,\n";
    }

    private String token(String role) {
        Tokens tokens = Secured.tokens();
        return role.equals(Roles.DONOR) ? tokens.donor(UUID.fromString(donor)) : tokens.forRoles(role);
    }

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        int cases = 0;
        int refused = 0;
        for (Endpoint e : endpoints()) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String role : ROLES) {
                Call c = e.call().apply(role);
                String before = Secured.fingerprint(dataSource);
                Response r = c.send(Secured.as(token(role)));
                String what = e.name() + " as " + role;
                if (e.allowed().contains(role)) {
                    assertEquals(e.success(), r.statusCode(), what + ": " + r.asString());
                } else {
                    Secured.assertProblem(r, 403, what);
                    assertEquals(before, Secured.fingerprint(dataSource), what + " was refused but changed something");
                    refused++;
                }
                row.put(role, r.statusCode());
                cases++;
            }
            // no token at all
            Call c = e.call().apply("none");
            String before = Secured.fingerprint(dataSource);
            Response r = c.send(Secured.as(null));
            Secured.assertProblem(r, 401, e.name() + " without a token");
            assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), e.name() + " challenge");
            assertEquals(before, Secured.fingerprint(dataSource), e.name() + " without a token changed something");
            row.put("no token", r.statusCode());
            cases++;
            refused++;
            matrix.put(e.name(), row);
        }
        assertEquals(33, matrix.size(), "every endpoint of the service is in the matrix");
        LOG.info(table("inventory-service: endpoint x role -> status (" + cases + " requests, " + refused
                + " refused with nothing changed)", matrix));
    }

    @Test
    void badTokensAre401OnEveryResourceClass() {
        Tokens tokens = Secured.tokens();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("forged", tokens.forged(Roles.ADMIN, Roles.LOGISTICS_OFFICER));
        bad.put("expired", tokens.expired(Roles.ADMIN, Roles.LOGISTICS_OFFICER));
        bad.put("wrong issuer", tokens.wrongIssuer(Roles.ADMIN, Roles.LOGISTICS_OFFICER));
        bad.put("garbage", "not.a.jwt");
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        int cases = 0;
        // one read and, where the class has one, one write per resource class
        List<Endpoint> representatives = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Endpoint e : endpoints()) {
            if (seen.add(e.resource() + e.method())) {
                representatives.add(e);
            }
        }
        for (Endpoint e : representatives) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (Map.Entry<String, String> t : bad.entrySet()) {
                Call c = e.call().apply("bad");
                String before = Secured.fingerprint(dataSource);
                Response r = c.send(Secured.as(t.getValue()));
                String what = e.name() + " with a " + t.getKey() + " token";
                Secured.assertProblem(r, 401, what);
                assertNotNull(r.header("WWW-Authenticate"), what);
                assertTrue(r.header("WWW-Authenticate").contains("invalid_token"),
                        what + ": " + r.header("WWW-Authenticate"));
                assertEquals(before, Secured.fingerprint(dataSource), what + " changed something");
                row.put(t.getKey(), r.statusCode());
                cases++;
            }
            matrix.put(e.resource() + ": " + e.name(), row);
        }
        assertEquals(8, representatives.stream().map(Endpoint::resource).distinct().count(), "every resource class");
        LOG.info(table("inventory-service: invalid tokens -> status (" + cases + " requests)", matrix));
    }

    static String table(String title, Map<String, Map<String, Integer>> matrix) {
        StringBuilder b = new StringBuilder("\n").append(title).append("\n\n| endpoint |");
        List<String> columns = new ArrayList<>(matrix.values().iterator().next().keySet());
        columns.forEach(c -> b.append(' ').append(c).append(" |"));
        b.append("\n|---|");
        columns.forEach(c -> b.append("---|"));
        matrix.forEach((name, row) -> {
            b.append("\n| ").append(name).append(" |");
            columns.forEach(c -> b.append(' ').append(row.get(c)).append(" |"));
        });
        return b.append('\n').toString();
    }
}
