package org.corridor.allocation.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.allocation.support.ServiceTokenAssert;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.SecurityChecks;
import org.corridor.common.testing.SecurityMatrix;
import org.corridor.common.testing.TestCaller;
import org.corridor.common.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * TestCaller may do what in allocation-service, with real RS256 tokens (never {@code @TestSecurity}): every endpoint is
 * called with no token, a forged, an expired, a wrong-issuer and a garbage token (401 problem), and as every role:
 * DONOR everywhere and DASHBOARD on every write are refused (403 problem, nothing changes); the roles of the matrix
 * (every GET: LOGISTICS_OFFICER, DASHBOARD, ADMIN, SERVICE; every write: LOGISTICS_OFFICER, ADMIN) pass. Plus hardening
 * (security headers, 413, CORS, no internals in error bodies, the OpenAPI security scheme) and the SERVICE token
 * allocation-service itself presents to inventory-service and shipment-service.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {

    private static final Tokens TOKENS = JwtTestResource.tokens();
    private static final Set<String> READ = Set.of(Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN,
            Roles.SERVICE);
    private static final Set<String> OPS = Set.of(Roles.LOGISTICS_OFFICER, Roles.ADMIN);
    /**
     * One request: path, optional JSON body, and a check run on the answer: for a refused request, that nothing
     * changed; for an allowed one, clean-up (rules and overrides must not steer other tests' plans).
     */
    record Call(String path, Object body, Consumer<Response> after) {
        static Call read(String path) {
            return new Call(path, null, r -> {
            });
        }
    }

    record Endpoint(String method, String template, Set<String> allowed, int ok, Function<TestCaller, Call> call) {
        String name() {
            return method + " " + template;
        }
    }

    @InjectWireMock
    WireMockServer inventory;

    private final SecurityMatrix matrix = new SecurityMatrix("allocation-service");
    private final AtomicInteger pairs = new AtomicInteger();
    private String officer;
    private String incidentId;
    private String siteId;
    private String needId;
    private String teamNeedId;
    private String ruleId;
    private String overrideId;
    private String planId;
    private int port;

    /** Once, before the first test (RestAssured knows the test port only from the first @BeforeEach on). */
    @BeforeEach
    void aSolvedPlanAndWhatItIsMadeOf() throws InterruptedException {
        if (planId != null) {
            return;
        }
        port = RestAssured.port;
        officer = TOKENS.forRoles(Roles.LOGISTICS_OFFICER);
        JsonPath incident = as(officer).body(incidentBody("Security drill")).post("/api/v1/incidents")
                .then().statusCode(201).extract().jsonPath();
        incidentId = incident.getString("id");
        siteId = incident.getString("sites[0].id");
        needId = as(officer).body(needBody()).post("/api/v1/incidents/" + incidentId + "/needs")
                .then().statusCode(201).extract().path("id");
        teamNeedId = as(officer).body(teamNeedBody()).post("/api/v1/incidents/" + incidentId + "/team-needs")
                .then().statusCode(201).extract().path("id");
        ruleId = as(officer).body(ruleBody()).post("/api/v1/access-rules").then().statusCode(201).extract().path("id");
        overrideId = as(officer).body(overrideBody()).post("/api/v1/route-overrides").then().statusCode(201).extract()
                .path("id");
        planId = as(officer).body(planBody("PT2S", "PT1S")).post("/api/v1/plans").then().statusCode(202).extract()
                .path("id");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        String status = "SOLVING";
        while ("SOLVING".equals(status) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            status = as(officer).get("/api/v1/plans/" + planId).then().statusCode(200).extract().path("status");
        }
        assertEquals("SOLVED", status);
    }

    @AfterAll
    void printMatrixAndCleanUp() {
        if (planId != null) {
            as(officer).port(port).delete("/api/v1/access-rules/" + ruleId).then().statusCode(204);
            as(officer).port(port).delete("/api/v1/route-overrides/" + overrideId).then().statusCode(204);
        }
        System.out.println(matrix.table(
                "(approval as an allowed role is tried on an unknown plan: 404 means it passed the role check)"));
    }

    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    private List<Endpoint> endpoints() {
        String incident = "/api/v1/incidents/" + incidentId;
        return List.of(
                // incidents, sites, needs, team needs
                new Endpoint("POST", "/api/v1/incidents", OPS, 201, who -> {
                    long before = total("/api/v1/incidents?size=1");
                    return new Call("/api/v1/incidents", incidentBody("Drill " + who), r -> {
                        if (r.statusCode() >= 400) {
                            assertEquals(before, total("/api/v1/incidents?size=1"));
                        }
                    });
                }),
                new Endpoint("GET", "/api/v1/incidents", READ, 200, who -> Call.read("/api/v1/incidents")),
                new Endpoint("GET", "/api/v1/incidents/{id}", READ, 200, who -> Call.read(incident)),
                new Endpoint("POST", "/api/v1/incidents/{id}/closure", OPS, 200, who -> {
                    String fresh = as(officer).body(incidentBody("To close " + who)).post("/api/v1/incidents")
                            .then().statusCode(201).extract().path("id");
                    return new Call("/api/v1/incidents/" + fresh + "/closure", null,
                            r -> as(officer).get("/api/v1/incidents/" + fresh)
                                    .then().body("status", equalTo(r.statusCode() == 200 ? "CLOSED" : "OPEN")));
                }),
                new Endpoint("POST", "/api/v1/incidents/{id}/sites", OPS, 201, who -> {
                    int before = as(officer).get(incident).then().extract().path("sites.size()");
                    return new Call(incident + "/sites",
                            Map.of("name", "Valley " + who, "latitude", 37.1, "longitude", 36.2, "affectedPopulation",
                                    900),
                            r -> as(officer).get(incident).then()
                                    .body("sites.size()", equalTo(before + (r.statusCode() == 201 ? 1 : 0))));
                }),
                new Endpoint("GET", "/api/v1/incidents/{id}/attention", READ, 200,
                        who -> Call.read(incident + "/attention")),
                new Endpoint("GET", "/api/v1/incidents/{id}/sites/{siteId}", READ, 200,
                        who -> Call.read(incident + "/sites/" + siteId)),
                new Endpoint("POST", "/api/v1/incidents/{id}/needs", OPS, 201, who -> {
                    long before = total(incident + "/needs?size=1");
                    return new Call(incident + "/needs", needBody(),
                            r -> assertEquals(before + (r.statusCode() == 201 ? 1 : 0),
                                    total(incident + "/needs?size=1")));
                }),
                new Endpoint("GET", "/api/v1/incidents/{id}/needs", READ, 200, who -> Call.read(incident + "/needs")),
                new Endpoint("GET", "/api/v1/incidents/{id}/needs/{needId}", READ, 200,
                        who -> Call.read(incident + "/needs/" + needId)),
                new Endpoint("POST", "/api/v1/incidents/{id}/team-needs", OPS, 201, who -> {
                    long before = total(incident + "/team-needs?size=1");
                    return new Call(incident + "/team-needs", teamNeedBody(), r -> assertEquals(
                            before + (r.statusCode() == 201 ? 1 : 0), total(incident + "/team-needs?size=1")));
                }),
                new Endpoint("GET", "/api/v1/incidents/{id}/team-needs", READ, 200,
                        who -> Call.read(incident + "/team-needs")),
                new Endpoint("GET", "/api/v1/incidents/{id}/team-needs/{teamNeedId}", READ, 200,
                        who -> Call.read(incident + "/team-needs/" + teamNeedId)),
                new Endpoint("GET", "/api/v1/incidents/{id}/who-what-where", READ, 200,
                        who -> Call.read(incident + "/who-what-where")),
                new Endpoint("POST", "/api/v1/incidents/{id}/needs/estimate", OPS, 200,
                        who -> new Call(incident + "/needs/estimate",
                                Map.of("siteId", siteId, "days", 7), r -> {
                                })),
                // access rules
                new Endpoint("POST", "/api/v1/access-rules", OPS, 201, who -> {
                    long before = total("/api/v1/access-rules?size=1");
                    return new Call("/api/v1/access-rules", ruleBody(), r -> {
                        if (r.statusCode() == 201) {
                            as(officer).delete("/api/v1/access-rules/" + r.path("id")).then().statusCode(204);
                        }
                        assertEquals(before, total("/api/v1/access-rules?size=1"));
                    });
                }),
                new Endpoint("GET", "/api/v1/access-rules", READ, 200, who -> Call.read("/api/v1/access-rules")),
                new Endpoint("GET", "/api/v1/access-rules/{id}", READ, 200,
                        who -> Call.read("/api/v1/access-rules/" + ruleId)),
                new Endpoint("DELETE", "/api/v1/access-rules/{id}", OPS, 204, who -> {
                    String fresh = as(officer).body(ruleBody()).post("/api/v1/access-rules").then().statusCode(201)
                            .extract().path("id");
                    return new Call("/api/v1/access-rules/" + fresh, null, r -> {
                        as(officer).get("/api/v1/access-rules/" + fresh).then()
                                .statusCode(r.statusCode() == 204 ? 404 : 200);
                        if (r.statusCode() != 204) {
                            as(officer).delete("/api/v1/access-rules/" + fresh).then().statusCode(204);
                        }
                    });
                }),
                // constraints and the transport model
                new Endpoint("GET", "/api/v1/constraints", READ, 200, who -> Call.read("/api/v1/constraints")),
                new Endpoint("GET", "/api/v1/transport-model", READ, 200, who -> Call.read("/api/v1/transport-model")),
                // route overrides
                new Endpoint("POST", "/api/v1/route-overrides", OPS, 201, who -> {
                    long before = total("/api/v1/route-overrides?size=1");
                    return new Call("/api/v1/route-overrides", overrideBody(), r -> {
                        if (r.statusCode() == 201) {
                            as(officer).delete("/api/v1/route-overrides/" + r.path("id")).then().statusCode(204);
                        }
                        assertEquals(before, total("/api/v1/route-overrides?size=1"));
                    });
                }),
                new Endpoint("GET", "/api/v1/route-overrides", READ, 200, who -> Call.read("/api/v1/route-overrides")),
                new Endpoint("GET", "/api/v1/route-overrides/{id}", READ, 200,
                        who -> Call.read("/api/v1/route-overrides/" + overrideId)),
                new Endpoint("DELETE", "/api/v1/route-overrides/{id}", OPS, 204, who -> {
                    String fresh = as(officer).body(overrideBody()).post("/api/v1/route-overrides").then()
                            .statusCode(201).extract().path("id");
                    return new Call("/api/v1/route-overrides/" + fresh, null, r -> {
                        as(officer).get("/api/v1/route-overrides/" + fresh).then()
                                .statusCode(r.statusCode() == 204 ? 404 : 200);
                        if (r.statusCode() != 204) {
                            as(officer).delete("/api/v1/route-overrides/" + fresh).then().statusCode(204);
                        }
                    });
                }),
                // plans
                new Endpoint("POST", "/api/v1/plans", OPS, 202, who -> {
                    long before = total("/api/v1/plans?size=1");
                    return new Call("/api/v1/plans", planBody("PT60S", "PT60S"), r -> {
                        if (r.statusCode() == 202) {
                            // stop it at once: the answer is a finished plan, and nothing keeps solving
                            as(officer).delete("/api/v1/plans/" + r.path("id") + "/solving").then().statusCode(200);
                        } else {
                            assertEquals(before, total("/api/v1/plans?size=1"));
                        }
                    });
                }),
                new Endpoint("GET", "/api/v1/plans", READ, 200, who -> Call.read("/api/v1/plans")),
                new Endpoint("GET", "/api/v1/plans/{id}", READ, 200, who -> Call.read("/api/v1/plans/" + planId)),
                new Endpoint("GET", "/api/v1/plans/{id}/changes", READ, 200,
                        who -> Call.read("/api/v1/plans/" + planId + "/changes")),
                new Endpoint("POST", "/api/v1/plans/{id}/approval", OPS, 404, who -> {
                    // a refused caller tries the real SOLVED plan, which must stay SOLVED with nothing reserved;
                    // an allowed one an unknown plan, whose 404 shows it got past the role check
                    String target = OPS.contains(who.name()) ? UUID.randomUUID().toString() : planId;
                    int reservations = inventory.findAll(postRequestedFor(urlPathEqualTo("/api/v1/reservations")))
                            .size();
                    return new Call("/api/v1/plans/" + target + "/approval", null, r -> {
                        as(officer).get("/api/v1/plans/" + planId).then().statusCode(200)
                                .body("status", equalTo("SOLVED"))
                                .body("reservationId", equalTo(null));
                        assertEquals(reservations,
                                inventory.findAll(postRequestedFor(urlPathEqualTo("/api/v1/reservations"))).size());
                    });
                }),
                new Endpoint("DELETE", "/api/v1/plans/{id}/solving", OPS, 200, who -> {
                    if (!OPS.contains(who.name())) {
                        // refused before anything is looked at: the solved plan stays as it is
                        return new Call("/api/v1/plans/" + planId + "/solving", null,
                                r -> as(officer).get("/api/v1/plans/" + planId)
                                        .then().body("status", equalTo("SOLVED")));
                    }
                    String solving = as(officer).header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(planBody("PT60S", "PT60S"))
                            .post("/api/v1/plans").then().statusCode(202).extract().path("id");
                    return new Call("/api/v1/plans/" + solving + "/solving", null,
                            r -> r.then().body("stoppedEarly", equalTo(true)));
                }),
                new Endpoint("GET", "/api/v1/plans/{id}/analysis", READ, 200,
                        who -> Call.read("/api/v1/plans/" + planId + "/analysis")));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAsEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (TestCaller who : TestCaller.values()) {
                int expected = SecurityMatrix.expected(who, e.allowed(), e.ok());
                tests.add(DynamicTest.dynamicTest(e.name() + " as " + who + " -> " + expected, () -> {
                    Call call = e.call().apply(who);
                    Response r = send(e.method(), call, who.token(TOKENS));
                    matrix.check(e.name(), who, expected, r);
                    call.after().accept(r);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aDonorEvenWithItsOrganisationAndATokenWithoutRolesAreRefused() {
        String noOrg = TOKENS.issue("donor-without-org", List.of(Roles.DONOR), null, Duration.ofMinutes(5));
        as(noOrg).get("/api/v1/incidents").then().statusCode(403).contentType("application/problem+json");
        as(TOKENS.issue("nobody", List.of(), null, Duration.ofMinutes(5))).get("/api/v1/plans").then().statusCode(403);
        // role names are exact: "logistics_officer" is not LOGISTICS_OFFICER
        as(TOKENS.forRoles("logistics_officer")).body(incidentBody("Lower case")).post("/api/v1/incidents").then()
                .statusCode(403);
        // a SERVICE token reads (shipment-service asks for needs) but never writes here
        as(TOKENS.forRoles(Roles.SERVICE)).get("/api/v1/incidents/" + incidentId + "/needs").then().statusCode(200);
        as(TOKENS.forRoles(Roles.SERVICE)).body(needBody()).post("/api/v1/incidents/" + incidentId + "/needs").then()
                .statusCode(403);
    }

    @Test
    void callsToInventoryCarryAllocationServicesOwnServiceTokenNotTheCallers() {
        inventory.resetRequests();
        as(officer).body(incidentBody("Token check")).post("/api/v1/incidents").then().statusCode(201);
        as(officer).body(needBody()).post("/api/v1/incidents/" + incidentId + "/needs").then().statusCode(201);
        List<LoggedRequest> calls = inventory
                .findAll(getRequestedFor(WireMock.urlPathMatching("/api/v1/(countries|items)/.*")));
        assertFalse(calls.isEmpty());
        for (LoggedRequest call : calls) {
            JsonNode payload = ServiceTokenAssert.assertServiceToken(call);
            assertNotEquals("Bearer " + officer, call.getHeader("Authorization"));
            assertEquals("https://corridor.local/issuer", payload.path("iss").asText());
        }
    }

    @Test
    void callsToShipmentServiceCarryTheServiceTokenToo() {
        // the shipment client as approval uses it, pointed at a stand-in for shipment-service
        inventory.stubFor(WireMock.post(urlPathEqualTo("/api/v1/shipments")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"PLANNED\"}")));
        ShipmentClient shipments = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(inventory.baseUrl()))
                .build(ShipmentClient.class);
        UUID reservation = UUID.randomUUID();
        JsonNode created = shipments.create("plan-x-shipment-1",
                new ShipmentClient.ShipmentRequest(UUID.randomUUID(), UUID.randomUUID(),
                        "TUR", UUID.fromString(siteId), "Site", "TUR", UUID.fromString(incidentId), "ROAD", 1,
                        List.of(new ShipmentClient.ShipmentLine(InventoryStubs.BLANKET, UUID.randomUUID(), 10, 15.0)),
                        Instant.now(), Instant.now().plus(Duration.ofDays(1)), reservation));
        assertEquals("PLANNED", created.path("status").asText());
        List<LoggedRequest> calls = inventory.findAll(postRequestedFor(urlPathEqualTo("/api/v1/shipments")));
        assertEquals(1, calls.size());
        ServiceTokenAssert.assertServiceToken(calls.get(0));
        assertEquals("plan-x-shipment-1", calls.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void securityHeadersOnEveryAnswer() {
        for (Response r : List.of(as(officer).get("/api/v1/incidents/" + incidentId),
                given().get("/api/v1/incidents/" + incidentId),
                as(TOKENS.forRoles(Roles.DONOR)).get("/api/v1/plans"))) {
            r.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="))
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anOversizedBodyIs413ProblemAndCreatesNothing() {
        long before = total("/api/v1/incidents?size=1");
        Map<String, Object> body = incidentBody("Too big");
        body.put("name", "x".repeat(3 * 1024 * 1024));
        Response r = as(officer).body(body).post("/api/v1/incidents");
        r.then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        SecurityChecks.assertNoInternals(r.asString());
        assertEquals(before, total("/api/v1/incidents?size=1"));
    }

    @Test
    void errorBodiesNeverShowInternals() {
        List<Response> answers = List.of(
                as(officer).body("{\"name\": ").post("/api/v1/incidents"),
                as(officer).body("{\"name\": 12, \"sites\": \"many\"}").post("/api/v1/incidents"),
                as(officer).body("{\"unknownField\": true}").post("/api/v1/access-rules"),
                as(officer).body(Map.of("incidentIds", List.of("not-a-uuid"))).post("/api/v1/plans"),
                as(officer).get("/api/v1/incidents/not-a-uuid"),
                as(officer).get("/api/v1/plans/" + UUID.randomUUID()),
                as(officer).get("/api/v1/access-rules?activeAt=yesterday"),
                as(officer).get("/api/v1/no-such-thing"),
                given().header("Authorization", "Bearer " + "a".repeat(5000)).get("/api/v1/incidents"),
                given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/incidents"));
        for (Response r : answers) {
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.asString());
            SecurityChecks.assertNoInternals(r.asString());
        }
    }

    @Test
    void corsPreflightOnlyForConfiguredOrigins() {
        SecurityChecks.assertCorsOnlyForDashboards("/api/v1/plans");
        as(TOKENS.forRoles(Roles.DASHBOARD)).header("Origin", "http://localhost:3000").get("/api/v1/plans/" + planId)
                .then()
                .statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void openApiDocumentsTheBearerSchemeAnd401And403OnEveryOperation() {
        // the roles each operation names are exactly those the matrix lets through
        SecurityMatrix.assertOpenApiNamesTheRoles(
                endpoints().stream().collect(Collectors.toMap(Endpoint::name, Endpoint::allowed)));
    }

    // ---------------------------------------------------------------- helpers

    private static RequestSpecification as(String token) {
        return SecurityMatrix.as(token);
    }

    private static Response send(String method, Call call, String token) {
        RequestSpecification spec = as(token).header("Idempotency-Key", UUID.randomUUID().toString());
        if (call.body() != null) {
            spec = spec.body(call.body());
        }
        return spec.request(method, call.path());
    }

    private long total(String path) {
        return ((Number) as(officer).get(path).then().statusCode(200).extract().path("total")).longValue();
    }

    private static Map<String, Object> incidentBody(String name) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("type", "EARTHQUAKE");
        b.put("countryCode", "TUR");
        b.put("startedAt", "2023-02-06T01:17:00Z");
        b.put("sites", List
                .of(Map.of("name", "Hatay camp", "latitude", 36.40, "longitude", 36.35, "affectedPopulation", 2000)));
        return b;
    }

    private Map<String, Object> needBody() {
        return Map.of("siteId", siteId, "itemCode", InventoryStubs.BLANKET, "quantity", 50, "priority", "HIGH",
                "deliverBy", "2023-02-12T00:00:00Z");
    }

    private Map<String, Object> teamNeedBody() {
        return Map.of("siteId", siteId, "teamType", "USAR_LIGHT", "count", 1, "neededBy", "2023-02-08T00:00:00Z");
    }

    /** A rule that was only in force for one day in 2001: it can never steer a plan. */
    private static Map<String, Object> ruleBody() {
        return Map.of("originCountryCode", "JOR", "destinationCountryCode", "ITA", "kind", "BORDER_CLOSED", "appliesTo",
                "TEAMS",
                "reason", "Security drill", "validFrom", "2001-01-01T00:00:00Z", "validUntil", "2001-01-02T00:00:00Z");
    }

    /**
     * An override for a country pair no other test uses (one may exist per pair and mode): the first, kept for the
     * reads, by AIR; every later one by ROAD, each deleted again before the next is made.
     */
    private Map<String, Object> overrideBody() {
        String mode = pairs.getAndIncrement() == 0 ? "AIR" : "ROAD";
        return Map.of("originCountryCode", "JOR", "destinationCountryCode", "SYR", "mode", mode, "leadTime", "PT99H",
                "note", "Security drill");
    }

    private Map<String, Object> planBody(String spentLimit, String unimprovedLimit) {
        Map<String, Object> b = new HashMap<>();
        b.put("incidentIds", List.of(incidentId));
        b.put("planFrom", "2023-02-06T06:00:00Z");
        b.put("termination", Map.of("spentLimit", spentLimit, "unimprovedSpentLimit", unimprovedLimit));
        return b;
    }

}
