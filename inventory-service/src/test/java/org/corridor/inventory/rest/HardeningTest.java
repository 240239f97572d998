package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Secured;
import org.junit.jupiter.api.Test;

/**
 * HTTP hardening as a client sees it: security headers, the body size limit, CORS for dashboards, no internals in any
 * error body, open health checks, and the bearer scheme in the OpenAPI document.
 */
@QuarkusTest
class HardeningTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void securityHeadersOnApiAnswersAndRefusals() {
        for (Response r : List.of(Secured.admin().get("/api/v1/countries/TUR"), given().get("/api/v1/countries/TUR"))) {
            r.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="))
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
        }
    }

    @Test
    void anOversizedBodyIs413AndStoresNothing() {
        String before = Secured.fingerprint(dataSource);
        String huge = "{\"code\": \"NFI-HUGE\", \"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        Response r = Secured.admin().contentType(ContentType.JSON).body(huge).post("/api/v1/items");
        Secured.assertProblem(r, 413, "a 3 MB body");
        assertEquals(before, Secured.fingerprint(dataSource));
        Secured.admin().get("/api/v1/items/NFI-HUGE").then().statusCode(404);
    }

    @Test
    void corsAdmitsOnlyConfiguredDashboardOrigins() {
        Response allowed = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization").options("/api/v1/stock/summary");
        assertEquals("http://localhost:3000", allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"));

        Response other = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/stock/summary");
        assertNotEquals("https://evil.example", other.header("Access-Control-Allow-Origin"));
        assertNotEquals("*", other.header("Access-Control-Allow-Origin"));

        Secured.as(Secured.tokens().forRoles(Roles.DASHBOARD)).header("Origin", "http://localhost:3000")
                .get("/api/v1/stock/summary").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void noErrorBodyRevealsInternals() {
        String officer = Secured.tokens().forRoles(Roles.LOGISTICS_OFFICER);
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("no token", given().get("/api/v1/stock"));
        answers.put("garbage token", Secured.as("eyJhbGciOiJSUzI1NiJ9.e30.AAAA").get("/api/v1/stock"));
        answers.put("wrong role", Secured.as(Secured.tokens().forRoles(Roles.DASHBOARD)).contentType(ContentType.JSON)
                .body(Map.of("reference", "x")).post("/api/v1/reservations"));
        answers.put("unknown id", Secured.as(officer).get("/api/v1/stock/lots/3f1c2a10-0000-4000-8000-000000000000"));
        answers.put("malformed id", Secured.as(officer).get("/api/v1/stock/lots/not-a-uuid"));
        answers.put("unknown path", Secured.as(officer).get("/api/v1/nothing-here"));
        answers.put("wrong method", Secured.as(officer).delete("/api/v1/items"));
        answers.put("malformed JSON", Secured.as(officer).contentType(ContentType.JSON).body("{\"lotId\": ")
                .post("/api/v1/stock/adjustments"));
        answers.put("wrong type", Secured.as(officer).contentType(ContentType.JSON)
                .body("{\"lotId\": \"x\", \"delta\": \"many\", \"reason\": \"STOLEN\"}")
                .post("/api/v1/stock/adjustments"));
        answers.put("unknown lot", Secured.as(officer).contentType(ContentType.JSON)
                .body(Map.of("lotId", "3f1c2a10-0000-4000-8000-000000000000", "delta", -1, "reason", "LOST"))
                .post("/api/v1/stock/adjustments"));
        answers.put("bad query", Secured.as(officer).get("/api/v1/stock/ledger?since=yesterday"));
        answers.put("duplicate item", Secured.admin().contentType(ContentType.JSON)
                .body(Map.of("code", "SHL-TENT-FAMILY", "name", "Tent", "category", "SHELTER", "unit", "each",
                        "unitWeightKg", 55.0, "unitVolumeM3", 0.28))
                .post("/api/v1/items"));
        answers.forEach((what, r) -> {
            assertTrue(r.statusCode() >= 400, what + " is refused: " + r.statusCode());
            Secured.assertProblem(r, r.statusCode(), what);
        });
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        JsonPath spec = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("http", spec.getString("components.securitySchemes.bearerAuth.type"));
        assertEquals("bearer", spec.getString("components.securitySchemes.bearerAuth.scheme").toLowerCase());
        assertEquals("JWT", spec.getString("components.securitySchemes.bearerAuth.bearerFormat"));
        for (String[] op : new String[][]{{"/api/v1/stock/adjustments", "post"}, {"/api/v1/stock", "get"},
                {"/api/v1/reservations/{id}/consume", "post"}, {"/api/v1/items", "post"},
                {"/api/v1/countries", "get"}}) {
            Map<String, Object> responses = spec.getMap("paths.'" + op[0] + "'." + op[1] + ".responses");
            assertTrue(responses.containsKey("401") && responses.containsKey("403"),
                    op[0] + " " + op[1] + " documents 401 and 403: "
                            + responses.keySet());
            List<Map<String, Object>> security = spec.getList("paths.'" + op[0] + "'." + op[1] + ".security");
            assertTrue(security != null && security.stream().anyMatch(s -> s.containsKey("bearerAuth")),
                    op[0] + " " + op[1] + " names the bearer scheme: " + security);
            // a bearer scheme has no scopes (OpenAPI 3.0); the roles are named in the description instead
            assertTrue(security.stream().allMatch(s -> ((List<?>) s.get("bearerAuth")).isEmpty()),
                    op[0] + " scopes: " + security);
            assertTrue(spec.getString("paths.'" + op[0] + "'." + op[1] + ".description").contains("Roles: "),
                    op[0] + " names its roles");
        }
        assertTrue(
                spec.getString("paths.'/api/v1/stock/adjustments'.post.description").matches("(?s).*Roles: .*DONOR.*"));
        assertTrue(!spec.getString("paths.'/api/v1/items'.post.description").matches("(?s).*Roles: .*DONOR.*"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("bearerAuth"));
        // adjustments document the donor's 404 as a problem
        given().accept("application/json").get("/q/openapi?format=json").then()
                .body("paths.'/api/v1/stock/adjustments'.post.responses.'404'.content",
                        hasKey("application/problem+json"));
    }
}
