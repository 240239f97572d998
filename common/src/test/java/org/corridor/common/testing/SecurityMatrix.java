package org.corridor.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The endpoint × caller matrix of a service's {@code SecurityMatrixTest}: what status each caller ({@link TestCaller})
 * must get, the checks every refusal must pass (401 and 403 as problems, the {@code WWW-Authenticate} challenge, no
 * internals), the table printed after the run, and the check that the OpenAPI document names exactly the roles the
 * matrix lets through.
 */
public final class SecurityMatrix {

    private final String service;
    private final Map<String, Map<TestCaller, Integer>> cells = new TreeMap<>();

    public SecurityMatrix(String service) {
        this.service = service;
    }

    /** A JSON request, with the bearer token when there is one. */
    public static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    /** 401 without a valid token, {@code ok} for an allowed role, 403 otherwise. */
    public static int expected(TestCaller who, Set<String> allowed, int ok) {
        return who.unauthenticated() ? 401 : allowed.contains(who.name()) ? ok : 403;
    }

    /** Records the cell and checks the answer: the expected status, and for a refusal its problem body. */
    public synchronized void check(String endpoint, TestCaller who, int expected, Response r) {
        cells.computeIfAbsent(endpoint, k -> new LinkedHashMap<>()).put(who, r.statusCode());
        assertEquals(expected, r.statusCode(), endpoint + " as " + who + ": " + r.asString());
        if (expected == 401) {
            r.then().contentType("application/problem+json").body("status", equalTo(401))
                    .header("WWW-Authenticate", startsWith("Bearer"));
            if (who != TestCaller.NO_TOKEN) {
                r.then().header("WWW-Authenticate", containsString("invalid_token"));
            }
        } else if (expected == 403) {
            r.then().contentType("application/problem+json").body("status", equalTo(403))
                    .body("title", equalTo("Forbidden"));
        }
        if (r.statusCode() >= 400) {
            SecurityChecks.assertNoInternals(r.asString());
        }
    }

    /** The matrix as a table (endpoint × caller → status), with an optional note under it. */
    public synchronized String table(String note) {
        StringBuilder b = new StringBuilder("\n" + service + " security matrix (endpoint x caller -> HTTP status)\n");
        b.append(String.format("%-52s", "endpoint"));
        for (TestCaller w : TestCaller.values()) {
            b.append(String.format(" %-17s", w));
        }
        b.append('\n');
        cells.forEach((endpoint, row) -> {
            b.append(String.format("%-52s", endpoint));
            for (TestCaller w : TestCaller.values()) {
                b.append(String.format(" %-17s", row.getOrDefault(w, 0)));
            }
            b.append('\n');
        });
        b.append("cells tested: ").append(cells.values().stream().mapToInt(Map::size).sum());
        return b.append(note == null ? "" : " " + note).append('\n').toString();
    }

    /**
     * The served OpenAPI document is secured ({@link SecurityChecks#assertOpenApiSecured}) and names, for each
     * operation, exactly the roles the matrix lets through ({@code "METHOD /path"} → roles).
     */
    public static void assertOpenApiNamesTheRoles(Map<String, Set<String>> allowed) {
        Map<String, Set<String>> named = SecurityChecks.assertOpenApiSecured();
        assertEquals(allowed.size(), named.size(), named.keySet().toString());
        allowed.forEach((endpoint, roles) -> assertEquals(roles, named.get(endpoint), endpoint));
    }
}
