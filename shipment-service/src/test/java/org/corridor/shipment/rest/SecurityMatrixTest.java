package org.corridor.shipment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.anyShipment;
import static org.corridor.shipment.support.Fixtures.event;
import static org.corridor.shipment.support.Fixtures.pod;
import static org.corridor.shipment.support.Fixtures.podLine;
import static org.corridor.shipment.support.Fixtures.t;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.SecurityChecks;
import org.corridor.common.testing.SecurityMatrix;
import org.corridor.common.testing.TestCaller;
import org.corridor.common.testing.Tokens;
import org.corridor.shipment.support.InjectWireMock;
import org.corridor.shipment.support.ServiceTokenAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * TestCaller may do what in shipment-service, with real RS256 tokens (never {@code @TestSecurity}): every endpoint is
 * called with no token, a forged, an expired, a wrong-issuer and a garbage token (401 problem), and as every role:
 * DONOR and, on writes, DASHBOARD are refused (403 problem, nothing changes), the roles of the matrix pass. Plus
 * hardening: security headers, 413, CORS, no internals in error bodies, the OpenAPI security scheme, and the SERVICE
 * token shipment-service itself presents to inventory-service.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {

    private static final Tokens TOKENS = JwtTestResource.tokens();
    private static final Set<String> READ = Set.of(Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN,
            Roles.SERVICE);
    private static final Set<String> OPS_S = Set.of(Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE);
    /** One request: path, optional JSON body, and a check that a refused request changed nothing. */
    record Call(String path, Object body, Runnable unchanged) {
        static Call read(String path) {
            return new Call(path, null, () -> {
            });
        }
    }

    record Endpoint(String method, String template, Set<String> allowed, int ok, Supplier<Call> call) {
        String name() {
            return method + " " + template;
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    private final SecurityMatrix matrix = new SecurityMatrix("shipment-service");
    private String officer;
    private String delivered;
    private String deliveredIncident;
    private String deliveredEvent;

    /** Once, before the first test (RestAssured knows the test port only from the first @BeforeEach on). */
    @BeforeEach
    void oneDeliveredShipment() {
        if (delivered != null) {
            return;
        }
        officer = TOKENS.forRoles(Roles.LOGISTICS_OFFICER);
        Map<String, Object> body = anyShipment();
        deliveredIncident = (String) body.get("incidentId");
        delivered = create(officer, body);
        deliveredEvent = arrive(delivered);
        as(officer).body(fullPod(body, 10)).post("/api/v1/shipments/" + delivered + "/proof-of-delivery").then()
                .statusCode(201);
    }

    @AfterAll
    void printMatrix() {
        System.out.println(matrix.table(null));
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/v1/shipments", OPS_S, 201, () -> {
                    Map<String, Object> body = anyShipment();
                    return new Call("/api/v1/shipments", body,
                            () -> as(officer).get("/api/v1/shipments?planId=" + body.get("planId"))
                                    .then().statusCode(200).body("total", equalTo(0)));
                }),
                new Endpoint("GET", "/api/v1/shipments", READ, 200,
                        () -> Call.read("/api/v1/shipments?incidentId=" + deliveredIncident)),
                new Endpoint("GET", "/api/v1/shipments/{id}", READ, 200,
                        () -> Call.read("/api/v1/shipments/" + delivered)),
                new Endpoint("POST", "/api/v1/shipments/{id}/events", OPS_S, 201, () -> {
                    Map<String, Object> body = anyShipment();
                    String id = create(officer, body);
                    return new Call("/api/v1/shipments/" + id + "/events", event("DISPATCHED", t(0)), () -> {
                        as(officer).get("/api/v1/shipments/" + id).then().body("status", equalTo("PLANNED"))
                                .body("stock", equalTo("RESERVED"));
                        assertEquals(0, wireMock.findAll(postRequestedFor(
                                urlEqualTo("/api/v1/reservations/" + body.get("reservationId") + "/consume"))).size());
                    });
                }),
                new Endpoint("GET", "/api/v1/shipments/{id}/events", READ, 200,
                        () -> Call.read("/api/v1/shipments/" + delivered + "/events")),
                new Endpoint("GET", "/api/v1/shipments/{id}/events/{eventId}", READ, 200,
                        () -> Call.read("/api/v1/shipments/" + delivered + "/events/" + deliveredEvent)),
                new Endpoint("POST", "/api/v1/shipments/{id}/proof-of-delivery", OPS_S, 201, () -> {
                    Map<String, Object> body = anyShipment();
                    String id = create(officer, body);
                    arrive(id);
                    return new Call("/api/v1/shipments/" + id + "/proof-of-delivery", fullPod(body, 10),
                            () -> as(officer).get("/api/v1/shipments/" + id).then().body("status", equalTo("ARRIVED")));
                }),
                new Endpoint("POST", "/api/v1/shipments/{id}/stock-settlement", OPS_S, 200, () -> {
                    String id = cancelledWithRefusedRelease();
                    return new Call("/api/v1/shipments/" + id + "/stock-settlement", null,
                            () -> as(officer).get("/api/v1/shipments/" + id).then()
                                    .body("stock", equalTo("RELEASE_REFUSED"))
                                    .body("stockSettlement.attempts", equalTo(1)));
                }),
                new Endpoint("GET", "/api/v1/shipments/{id}/proof-of-delivery", READ, 200,
                        () -> Call.read("/api/v1/shipments/" + delivered + "/proof-of-delivery")),
                new Endpoint("GET", "/api/v1/incidents/{id}/delivery-summary", READ, 200,
                        () -> Call.read("/api/v1/incidents/" + deliveredIncident + "/delivery-summary")));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAsEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (TestCaller who : TestCaller.values()) {
                int expected = SecurityMatrix.expected(who, e.allowed(), e.ok());
                tests.add(DynamicTest.dynamicTest(e.name() + " as " + who + " -> " + expected, () -> {
                    Call call = e.call().get();
                    Response r = send(e.method(), call, who.token(TOKENS));
                    matrix.check(e.name(), who, expected, r);
                    if (expected >= 400) {
                        call.unchanged().run();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aDonorTokenWithoutOrganisationAndAMixedCaseRoleAreRefused() {
        String noOrg = TOKENS.issue("donor-without-org", List.of(Roles.DONOR), null, Duration.ofMinutes(5));
        as(noOrg).get("/api/v1/shipments/" + delivered).then().statusCode(403).contentType("application/problem+json");
        // role names are exact: "logistics_officer" is not LOGISTICS_OFFICER
        as(TOKENS.forRoles("logistics_officer")).body(anyShipment())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/shipments").then().statusCode(403);
        // a token with no roles at all reads nothing
        as(TOKENS.issue("nobody", List.of(), null, Duration.ofMinutes(5))).get("/api/v1/shipments").then()
                .statusCode(403);
    }

    @Test
    void callsToInventoryCarryShipmentServicesOwnServiceTokenNotTheCallers() {
        Map<String, Object> body = anyShipment();
        String id = create(officer, body);
        as(officer).body(event("DISPATCHED", t(0))).post("/api/v1/shipments/" + id + "/events").then().statusCode(201)
                .body("stockEffect", equalTo("RESERVATION_CONSUMED"));
        List<LoggedRequest> consume = wireMock.findAll(postRequestedFor(urlEqualTo("/api/v1/reservations/"
                + body.get("reservationId") + "/consume")));
        assertEquals(1, consume.size());
        JsonNode payload = ServiceTokenAssert.assertServiceToken(consume.get(0));
        assertNotEquals("Bearer " + officer, consume.get(0).getHeader("Authorization"));
        assertEquals("https://corridor.local/issuer", payload.path("iss").asText());

        Map<String, Object> cancelled = anyShipment();
        String other = create(officer, cancelled);
        as(TOKENS.forRoles(Roles.SERVICE)).body(event("CANCELLED", t(0))).post("/api/v1/shipments/" + other + "/events")
                .then()
                .statusCode(201).body("stockEffect", equalTo("RESERVATION_RELEASED"));
        List<LoggedRequest> release = wireMock.findAll(postRequestedFor(urlEqualTo("/api/v1/reservations/"
                + cancelled.get("reservationId") + "/release")));
        assertEquals(1, release.size());
        ServiceTokenAssert.assertServiceToken(release.get(0));
    }

    @Test
    void securityHeadersOnEveryAnswer() {
        for (Response r : List.of(as(officer).get("/api/v1/shipments/" + delivered),
                given().get("/api/v1/shipments/" + delivered),
                as(TOKENS.forRoles(Roles.DONOR)).get("/api/v1/shipments"))) {
            r.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="))
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anOversizedBodyIs413ProblemAndCreatesNothing() {
        Map<String, Object> body = anyShipment();
        body.put("siteName", "x".repeat(3 * 1024 * 1024));
        Response r = as(officer).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/shipments");
        r.then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        SecurityChecks.assertNoInternals(r.asString());
        as(officer).get("/api/v1/shipments?planId=" + body.get("planId")).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void errorBodiesNeverShowInternals() {
        List<Response> answers = List.of(
                as(officer).header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"planId\": ")
                        .post("/api/v1/shipments"),
                as(officer).header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"vehicles\": \"two\"}")
                        .post("/api/v1/shipments"),
                as(officer).body("[1,2,3]").post("/api/v1/shipments/" + delivered + "/events"),
                as(officer).body(event("NOT_AN_EVENT", t(0))).post("/api/v1/shipments/" + delivered + "/events"),
                as(officer).get("/api/v1/shipments/not-a-uuid"),
                as(officer).get("/api/v1/shipments?since=yesterday"),
                as(officer).get("/api/v1/shipments/" + UUID.randomUUID() + "/proof-of-delivery"),
                as(officer).get("/api/v1/no-such-thing"),
                given().header("Authorization", "Bearer " + "a".repeat(5000)).get("/api/v1/shipments"),
                given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/shipments"));
        for (Response r : answers) {
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.asString());
            SecurityChecks.assertNoInternals(r.asString());
        }
    }

    @Test
    void corsPreflightOnlyForConfiguredOrigins() {
        SecurityChecks.assertCorsOnlyForDashboards("/api/v1/shipments");
        // a real cross-origin read from an allowed dashboard sees the answer header too
        as(TOKENS.forRoles(Roles.DASHBOARD)).header("Origin", "http://localhost:3000")
                .get("/api/v1/shipments/" + delivered).then()
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
        RequestSpecification spec = as(token);
        if (call.body() != null) {
            spec = spec.header("Idempotency-Key", UUID.randomUUID().toString()).body(call.body());
        }
        return spec.request(method, call.path());
    }

    private static String create(String token, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/shipments")
                .then().statusCode(201).extract().path("id");
    }

    /** A shipment cancelled before dispatch whose release inventory-service refused (404) and keeps refusing. */
    private String cancelledWithRefusedRelease() {
        Map<String, Object> body = anyShipment();
        String id = create(officer, body);
        wireMock.stubFor(
                post(urlEqualTo("/api/v1/reservations/" + body.get("reservationId") + "/release")).atPriority(1)
                        .willReturn(aResponse().withStatus(404)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\":404,\"detail\":\"Reservation does not exist\"}")));
        as(officer).body(event("CANCELLED", t(0))).post("/api/v1/shipments/" + id + "/events").then().statusCode(201)
                .body("stockEffect", equalTo("RELEASE_REFUSED"));
        return id;
    }

    /** Drives a PLANNED shipment to ARRIVED (minutes 0-2); returns the id of its DISPATCHED event. */
    private String arrive(String id) {
        String first = null;
        int m = 0;
        for (String type : List.of("DISPATCHED", "IN_TRANSIT", "ARRIVED")) {
            String eventId = as(officer).body(event(type, t(m++))).post("/api/v1/shipments/" + id + "/events")
                    .then().statusCode(201).extract().path("id");
            first = first == null ? eventId : first;
        }
        return first;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fullPod(Map<String, Object> shipment, int minute) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) shipment.get("lines")) {
            lines.add(podLine((String) l.get("itemCode"), l.get("lotId"), (Integer) l.get("quantity"), 0, null));
        }
        return pod(t(minute), lines);
    }

}
