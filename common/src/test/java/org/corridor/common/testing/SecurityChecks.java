package org.corridor.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assertions every service's security tests share: what an error body must never show, CORS for the configured
 * dashboard origin only, the OpenAPI document's bearer scheme, and the SERVICE token a service presents when it calls
 * another.
 */
public final class SecurityChecks {

    /** Words that betray internals (stack traces, class names, SQL) in an answer. */
    public static final List<String> INTERNALS = List.of("Exception", "\tat ", "at org.", "at java.", "org.hibernate",
            "org.corridor", "java.lang", "jakarta.", "io.quarkus", "SQL", "select ", "insert into", "PSQL");

    /** The dashboard origin the shared configuration admits by default. */
    public static final String DASHBOARD_ORIGIN = "http://localhost:3000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private SecurityChecks() {
    }

    public static void assertNoInternals(String body) {
        for (String word : INTERNALS) {
            assertFalse(body.contains(word), "the answer shows internals ('" + word + "'): " + body);
        }
    }

    /** A preflight from the dashboard origin is admitted with Authorization allowed; one from elsewhere is not. */
    public static void assertCorsOnlyForDashboards(String path) {
        given().header("Origin", DASHBOARD_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options(path).then()
                .header("Access-Control-Allow-Origin", DASHBOARD_ORIGIN)
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        Response other = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options(path);
        assertNull(other.getHeader("Access-Control-Allow-Origin"), other.headers().toString());
    }

    /**
     * The served (and, if built, stored) OpenAPI document declares the bearer scheme, and every API operation requires
     * it without scopes and documents 401 and 403.
     *
     * @return "METHOD /path" of every API operation -> the roles its description names ("Roles: A, B.")
     */
    public static Map<String, Set<String>> assertOpenApiSecured() {
        Path stored = Path.of("target/openapi/openapi.yaml");
        if (Files.exists(stored)) {
            String yaml;
            try {
                yaml = Files.readString(stored);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertTrue(yaml.contains("bearerAuth:") && yaml.contains("scheme: bearer") && yaml.contains("\"403\":"),
                    "stored spec");
        }
        JsonPath spec = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("http", spec.getString("components.securitySchemes.bearerAuth.type"));
        assertEquals("bearer", spec.getString("components.securitySchemes.bearerAuth.scheme").toLowerCase());
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.getValue().get("responses");
                assertTrue(responses.containsKey("401"), where + " lacks 401");
                assertTrue(responses.containsKey("403"), where + " lacks 403");
                // an HTTP bearer scheme has no scopes: the roles are named in the description
                assertEquals("[{bearerAuth=[]}]", String.valueOf(op.getValue().get("security")), where);
                Object description = op.getValue().get("description");
                assertTrue(description != null && description.toString().contains("Roles: "),
                        where + ": " + description);
                String d = description.toString();
                String named = d.substring(d.lastIndexOf("Roles: ") + "Roles: ".length()).replaceAll("\\.$", "");
                roles.put(where, Set.of(named.split(", ")));
            }
        }
        return roles;
    }

    /**
     * The {@code Authorization} header of a call one service made to another carries a signed (RS256) JWT naming only
     * the SERVICE role, issued to {@code subject} and not expired. The signature is checked by the receiving service;
     * here the token is decoded as a receiver would.
     *
     * @return the token's payload
     */
    public static JsonNode assertServiceToken(String authorization, String subject) {
        assertNotNull(authorization, "no Authorization header on the call");
        assertTrue(authorization.startsWith("Bearer "), authorization);
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        assertEquals(3, parts.length, "not a signed JWT: " + authorization);
        JsonNode header = decode(parts[0]);
        JsonNode payload = decode(parts[1]);
        List<String> groups = new ArrayList<>();
        payload.path("groups").forEach(g -> groups.add(g.asText()));
        assertEquals(List.of("SERVICE"), groups, payload.toString());
        assertEquals(subject, payload.path("sub").asText(), payload.toString());
        assertTrue(payload.path("exp").asLong() > Instant.now().getEpochSecond(), "expired: " + payload);
        assertEquals("RS256", header.path("alg").asText(), header.toString());
        return payload;
    }

    private static JsonNode decode(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
