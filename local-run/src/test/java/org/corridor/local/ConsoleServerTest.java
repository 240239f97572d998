package org.corridor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console server without services: static files, the local sign-in, and the answers when a path has no service or
 * its service is down. Forwarding to running services is tested end to end by the console module's browser tests.
 */
class ConsoleServerTest {

    @TempDir
    Path dir;

    private ConsoleServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web/assets"));
        Files.writeString(web.getParent().resolve("index.html"), "<!doctype html><title>console</title>");
        Files.writeString(web.resolve("app-1234.js"), "console.log(1)");
        Files.writeString(dir.resolve("secret.txt"), "outside the web root");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> urls = Map.of("inventory", "http://localhost:" + closedPort, "allocation",
                "http://localhost:" + closedPort, "shipment", "http://localhost:" + closedPort);
        server = new ConsoleServer(dir.resolve("web"), urls, new Tokens(LocalKeys.ensure(dir.resolve("keys"))), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "local/sign-in"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheBuiltFilesWithTheirCachingAndSecurityHeaders() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<title>console</title>"));
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
        HttpResponse<String> js = get("/assets/app-1234.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(js.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertEquals(404, get("/nothing.js").statusCode());
        assertEquals(404, get("/../secret.txt").statusCode());
        assertEquals(404, get("/assets/%2e%2e/%2e%2e/secret.txt").statusCode());
    }

    @Test
    void localSignInSignsATokenForAnOfferedRoleOnly() throws Exception {
        HttpResponse<String> ok = signIn("application/json", "{\"role\":\"DASHBOARD\"}");
        assertEquals(200, ok.statusCode());
        JsonNode body = new ObjectMapper().readTree(ok.body());
        String payload = new String(Base64.getUrlDecoder().decode(body.get("token").asText().split("\\.")[1]),
                StandardCharsets.UTF_8);
        JsonNode claims = new ObjectMapper().readTree(payload);
        assertEquals("DASHBOARD", claims.get("groups").get(0).asText());
        assertEquals(Tokens.DEFAULT_ISSUER, claims.get("iss").asText());

        assertEquals(400, signIn("application/json", "{\"role\":\"SERVICE\"}").statusCode());
        // a cross-site form post (no CORS preflight) is refused
        assertEquals(405, signIn("application/x-www-form-urlencoded", "role=ADMIN").statusCode());
        assertTrue(get("/config.json").body().contains("\"signIn\":\"local\""));
    }

    @Test
    void aDonorSignsInForOneOrganisationOnly() throws Exception {
        String org = "00000000-0000-4000-8000-0000000000d1";
        HttpResponse<String> ok = signIn("application/json", "{\"role\":\"DONOR\",\"organisationId\":\"" + org + "\"}");
        assertEquals(200, ok.statusCode());
        String payload = new String(Base64.getUrlDecoder()
                .decode(new ObjectMapper().readTree(ok.body()).get("token").asText().split("\\.")[1]),
                StandardCharsets.UTF_8);
        JsonNode claims = new ObjectMapper().readTree(payload);
        assertEquals("DONOR", claims.get("groups").get(0).asText());
        assertEquals(org, claims.get("org").asText());

        HttpResponse<String> without = signIn("application/json", "{\"role\":\"DONOR\"}");
        assertEquals(400, without.statusCode());
        assertTrue(without.body().contains("organisationId"), without.body());
        assertTrue(get("/config.json").body().contains("\"DONOR\""));
        // the organisations come from inventory-service, down here
        HttpResponse<String> orgs = get("/local/organisations");
        assertEquals(503, orgs.statusCode());
        assertTrue(orgs.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void apiPathsWithoutAServiceAre404AndAServiceDownIs503WithRetryAfter() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/unknown");
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> down = get("/api/v1/plans");
        assertEquals(503, down.statusCode());
        assertEquals("5", down.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(down.body().contains("allocation-service cannot be reached"), down.body());
    }
}
