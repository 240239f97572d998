package org.corridor.inventory.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.OpenApiBadInput;
import org.corridor.common.testing.PostgresTestResource;
import org.corridor.inventory.testing.Secured;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every operation of inventory-service's OpenAPI document, walked with bad input by common's {@link OpenApiBadInput}
 * (duplicated keys, wrong types, nulls, empty and 10 kB strings, numbers at and beyond the int and long limits, unknown
 * fields; extreme query parameters; over-long Idempotency-Keys): never a 5xx, and a problem on every 4xx. Ids in paths
 * and bodies are real (an organisation, depot, lot, its ledger entry, a team, a reservation), so that the valid body
 * reaches the use case and each bad variant differs from it in one field only.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class OpenApiBadInputTest {

    private static final Logger LOG = Logger.getLogger(OpenApiBadInputTest.class);

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrWithoutAProblem() {
        String org = Secured.organisation();
        String depot = Secured.depot(org);
        String lot = Secured.lot(depot, org, 1_000_000);
        String entry = Secured.receiptEntry(lot);
        String token = Secured.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE,
                Roles.DASHBOARD);

        OpenApiBadInput.Report report = OpenApiBadInput.withToken(token)
                .pathValue("organisations/{id}", () -> org)
                .pathValue("depots/{id}", () -> depot)
                .pathValue("stock/lots/{id}", () -> lot)
                .pathValue("stock/ledger/{id}", () -> entry)
                .pathValue("teams/{id}", () -> Secured.team(org))
                .pathValue("reservations/{id}", () -> Secured.reservation(lot, 10))
                .fieldValue("organisationId", () -> org)
                .fieldValue("donorOrganisationId", () -> org)
                .fieldValue("lotId", () -> lot)
                .fieldValue("ledgerEntryId", () -> entry)
                .run();

        LOG.infof("inventory-service bad input: %s", report.summary());
        assertEquals(report.documentOperations(), report.operations(), "every operation walked");
        report.assertClean();
    }

    /** The holes an API fuzzer found, as a client sees them now. */
    @Test
    void theFuzzersFindingsAreProblemsNamingTheCause() {
        String org = Secured.organisation();
        String team = Secured.team(org);
        String token = Secured.adminToken();

        // a duplicated key: 400 naming the field, not a 500 without a body
        Response dup = Secured.as(token).contentType(ContentType.JSON)
                .body("{\"reference\":\"a\",\"reference\":\"b\"}").post("/api/v1/teams/{id}/assignment", team);
        Secured.assertProblem(dup, 400, "duplicated key");
        assertEquals("reference", dup.path("errors[0].field"));
        assertTrue(dup.path("detail").toString().contains("more than once"), dup.asString());

        // a page whose first item is beyond int: 400 naming the parameter
        Response far = Secured.as(token).get("/api/v1/teams?page=2147483647&size=2");
        Secured.assertProblem(far, 400, "page beyond int");
        assertEquals("page", far.path("errors[0].field"));
        Secured.assertProblem(Secured.as(token).get("/api/v1/teams?page=99999999999"), 400, "page not an int");

        // an Idempotency-Key over 200 characters: 400
        Response key = Secured.as(token).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201))
                .body(Map.of("reference", "plan", "lines", List.of(Map.of("lotId", UUID.randomUUID(), "quantity", 1))))
                .post("/api/v1/reservations");
        Secured.assertProblem(key, 400, "long key");
        assertTrue(key.path("detail").toString().contains("at most 200"), key.asString());

        // an unknown field: refused, naming it and the fields the request accepts
        Response unknown = Secured.as(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Org", "type", "NGO", "countryCode", "KEN", "colour", "blue"))
                .post("/api/v1/organisations");
        Secured.assertProblem(unknown, 400, "unknown field");
        assertEquals("colour is not a known field; the fields accepted here are countryCode, name, type",
                unknown.path("detail"));

        // a NUL character, which PostgreSQL cannot store or compare: 400 naming where it is
        Response nulBody = Secured.as(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Org\\u0000\",\"type\":\"NGO\",\"countryCode\":\"KEN\"}")
                .post("/api/v1/organisations");
        Secured.assertProblem(nulBody, 400, "NUL in the body");
        assertEquals("name must not contain the NUL character (U+0000)", nulBody.path("detail"));
        Response nulQuery = Secured.as(token).queryParam("countryCode", "IT\u0000A").get("/api/v1/teams");
        Secured.assertProblem(nulQuery, 400, "NUL in a query parameter");
        assertEquals("Query parameter countryCode must not contain the NUL character (U+0000)",
                nulQuery.path("detail"));
    }
}
