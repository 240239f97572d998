package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.service.ConstraintCatalogue;
import org.corridor.allocation.service.PlanStore;
import org.corridor.allocation.support.Api;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.OpenApiBadInput;
import org.corridor.common.testing.PostgresTestResource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every operation of allocation-service's OpenAPI document, walked with bad input by common's {@link OpenApiBadInput}
 * (duplicated keys, wrong types, nulls, empty and 10 kB strings, numbers at and beyond the int and long limits, unknown
 * fields; extreme query parameters; over-long Idempotency-Keys): never a 5xx, and a problem on every 4xx.
 * <p>
 * inventory-service is the WireMock stub of {@link InventoryWireMock}, which answers every read a plan needs. Ids are
 * real: an incident with a site, a need and a team need (closure gets an incident of its own), an access rule, a route
 * override (deleted last, as the walk runs every DELETE last), and, for the operations on one plan, a plan recorded as
 * SOLVING without a queued job, so that approving it is refused before any other service is called and stopping it
 * cancels it at once. The valid plan request asks for a real solve of two seconds at most.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(InventoryWireMock.class)
class OpenApiBadInputTest {

    private static final Logger LOG = Logger.getLogger(OpenApiBadInputTest.class);

    @Inject
    PlanStore plans;

    @Inject
    ConstraintCatalogue catalogue;

    private String token;

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrWithoutAProblem() {
        token = JwtTestResource.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE,
                Roles.DASHBOARD);
        Map<String, Object> incident = incident();
        String incidentId = (String) incident.get("id");
        String siteId = Api.siteId(incident, 0);
        String needId = created("/api/v1/incidents/" + incidentId + "/needs", Map.of("siteId", siteId, "itemCode",
                InventoryStubs.TENT, "quantity", 100, "priority", "HIGH", "deliverBy", "2023-02-12T00:00:00Z"));
        String teamNeedId = created("/api/v1/incidents/" + incidentId + "/team-needs", Map.of("siteId", siteId,
                "teamType", "USAR_MEDIUM", "count", 1, "neededBy", "2023-02-08T00:00:00Z"));
        String accessRuleId = created("/api/v1/access-rules", accessRule());
        String routeOverrideId = created("/api/v1/route-overrides", routeOverride("AIR"));

        OpenApiBadInput.Report report = OpenApiBadInput.withToken(token)
                .pathValue("incidents/{id}/closure", () -> (String) incident().get("id"))
                .pathValue("incidents/{id}", () -> incidentId)
                .pathValue("needs/{needId}", () -> needId)
                .pathValue("team-needs/{teamNeedId}", () -> teamNeedId)
                .pathValue("plans/{id}", this::solvingPlanWithoutJob)
                .pathValue("access-rules/{id}", () -> accessRuleId)
                .pathValue("route-overrides/{id}", () -> routeOverrideId)
                .body("POST /api/v1/access-rules", OpenApiBadInputTest::accessRule)
                .body("POST /api/v1/route-overrides", () -> routeOverride("ROAD"))
                .fieldValue("siteId", () -> siteId)
                .fieldValue("incidentIds", () -> List.of(incidentId))
                .body("POST /api/v1/plans", () -> Map.of("incidentIds", List.of(incidentId), "planFrom",
                        "2023-02-06T06:00:00Z", "termination",
                        Map.of("spentLimit", "PT2S", "unimprovedSpentLimit", "PT1S"), "weights",
                        Map.of("Transport cost", 2, "Team double-booked", 1)))
                .run();

        LOG.infof("allocation-service bad input: %s", report.summary());
        assertEquals(report.documentOperations(), report.operations(), "every operation walked");
        report.assertClean();
    }

    /**
     * Plan weights: a hard constraint cannot be switched off, no weight may exceed the bound that keeps scores exact,
     * unknown names are named. Checked before the incidents are looked at, so the valid weights reach the 422 of an
     * unknown incident.
     */
    @Test
    void weightsOutsideTheirBoundsAreRefusedNamingTheConstraint() {
        token = JwtTestResource.tokens().forRoles(Roles.LOGISTICS_OFFICER);
        List<String> unknownIncident = List.of(UUID.randomUUID().toString());
        Response off = plan(unknownIncident, Map.of("Team double-booked", 0));
        problem(off, 400, "Team double-booked");
        assertTrue(off.path("detail").toString().contains("from 1 to 1000000 (a hard constraint cannot be switched "
                + "off), got 0"), off.asString());
        problem(plan(unknownIncident, Map.of("Transport cost", ConstraintCatalogue.MAX_WEIGHT + 1)), 400,
                "Transport cost");
        problem(plan(unknownIncident, Map.of("Late delivery", Long.MAX_VALUE)), 400, "Late delivery");
        problem(plan(unknownIncident, Map.of("Lot over-allocated", -1)), 400, "Lot over-allocated");
        problem(plan(unknownIncident, Map.of("no such constraint", 1)), 400, "[no such constraint]");
        // within bounds: accepted, and the request goes on to find that the incident does not exist
        problem(plan(unknownIncident, Map.of("Team double-booked", ConstraintCatalogue.MAX_WEIGHT, "Transport cost",
                0, "Unmet CRITICAL need", ConstraintCatalogue.MAX_WEIGHT)), 422, "No incident");
        // the same rules hold for configured weights, which stop the service at start-up when broken
        assertEquals(List.of(), catalogue.mistakes(Map.of("Team double-booked", 1L, "Transport cost", 0L)));
        assertEquals(1, catalogue.mistakes(Map.of("Earmark violated", 0L)).size());
    }

    /** A route's cost per vehicle-km is bounded too: the cost of a route is rounded into a long. */
    @Test
    void aRouteCostThatWouldOverflowThePlanIsRefused() {
        token = JwtTestResource.tokens().forRoles(Roles.LOGISTICS_OFFICER);
        Map<String, Object> costly = new java.util.HashMap<>(routeOverride("AIR"));
        costly.put("destinationCountryCode", "JOR");
        costly.put("costPerVehicleKm", 1e300);
        Response r = api().body(costly).post("/api/v1/route-overrides");
        problem(r, 400, "costPerVehicleKm: must be at most 1000 units of account per vehicle-km");
    }

    /** status is read-only on a new incident: OPEN, the only value it can have, is accepted; any other is refused. */
    @Test
    void aNewIncidentMaySayItIsOpenAndNothingElse() {
        token = JwtTestResource.tokens().forRoles(Roles.LOGISTICS_OFFICER);
        Map<String, Object> open = new java.util.HashMap<>(newIncident());
        open.put("status", "OPEN");
        api().body(open).post("/api/v1/incidents").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("OPEN"));
        for (String other : List.of("CLOSED", "open", "DELETED", "")) {
            Map<String, Object> closed = new java.util.HashMap<>(newIncident());
            closed.put("status", other);
            Response r = api().body(closed).post("/api/v1/incidents");
            problem(r, 400, "status: is read-only: a new incident is always OPEN");
            assertEquals("status", r.path("errors[0].field"));
        }
        Map<String, Object> colour = new java.util.HashMap<>(newIncident());
        colour.put("colour", "red");
        Response r = api().body(colour).post("/api/v1/incidents");
        problem(r, 400, "colour is not a known field; the fields accepted here are countryCode, glide, name, sites, "
                + "startedAt, status, type");
    }

    private Response plan(List<String> incidentIds, Map<String, ?> weights) {
        return api().body(Map.of("incidentIds", incidentIds, "weights", weights)).post("/api/v1/plans");
    }

    private static void problem(Response r, int status, String detailPart) {
        assertEquals(status, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType().split(";")[0]);
        assertTrue(r.path("detail").toString().contains(detailPart), r.asString());
    }

    /**
     * Access rules and route overrides the walk creates (and, being valid, leaves) are from SYR to ITA: no depot is in
     * SYR, so they change no plan, and no other test uses that pair (an override is unique per origin, destination and
     * mode).
     */
    private static Map<String, Object> accessRule() {
        return Map.of("originCountryCode", "SYR", "destinationCountryCode", "ITA", "kind", "EMBARGO", "appliesTo",
                "MATERIALS", "reason", "Sanctions", "validFrom", "2011-05-18T00:00:00Z", "validUntil",
                "2030-01-01T00:00:00Z");
    }

    private static Map<String, Object> routeOverride(String mode) {
        return Map.of("originCountryCode", "SYR", "destinationCountryCode", "ITA", "mode", mode, "leadTime", "PT36H",
                "costPerVehicleKm", 15.5, "note", "Charter");
    }

    private static Map<String, Object> newIncident() {
        return Map.of("name", "Earthquake", "type", "EARTHQUAKE", "countryCode", "TUR", "startedAt",
                "2023-02-06T01:17:00Z", "sites", List.of(Api.site("Antakya", 36.2, 36.16, 12000)));
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private String created(String path, Object body) {
        return api().body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> incident() {
        return api().body(newIncident()).post("/api/v1/incidents").then().statusCode(201).extract().jsonPath()
                .getMap("");
    }

    private String solvingPlanWithoutJob() {
        return plans.createSolving(List.of(UUID.randomUUID()), Instant.parse("2023-02-06T06:00:00Z"),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Map.of()).toString();
    }
}
