package org.corridor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument checks of {@code ./corridor token} and the token it prints. */
class CorridorLauncherTokenTest {

    private static final String ORG = "3f1c2a10-5b7e-4d2a-9c1e-7a2b4c6d8e0f";

    @TempDir
    Path keys;

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a signed JWT has three parts: " + jwt);
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private String refused(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> CorridorLauncher.token(List.of(args), keys))
                .getMessage();
    }

    @Test
    void printsATokenForARoleSignedWithTheLocalKeys() throws Exception {
        JsonNode c = claims(CorridorLauncher.token(List.of("--role", "dashboard"), keys));
        assertEquals("DASHBOARD", c.get("groups").get(0).asText());
        assertEquals(Tokens.DEFAULT_ISSUER, c.get("iss").asText());
        assertEquals(12 * 3600, c.get("exp").asLong() - c.get("iat").asLong());
        assertTrue(Files.exists(keys.resolve("private.pem")) && Files.exists(keys.resolve("public.pem")),
                "keys made on first use");
    }

    @Test
    void aDonorTokenCarriesItsOrganisation() throws Exception {
        JsonNode c = claims(CorridorLauncher.token(
                List.of("--role", "DONOR", "--org", ORG, "--subject", "ocha", "--ttl", "PT1H"), keys));
        assertEquals(ORG, c.get("org").asText());
        assertEquals("ocha", c.get("sub").asText());
        assertEquals(3600, c.get("exp").asLong() - c.get("iat").asLong());
    }

    @Test
    void severalRolesAndTheStateOption() throws Exception {
        JsonNode c = claims(CorridorLauncher.token(
                List.of("--role", "ADMIN", "--role", "LOGISTICS_OFFICER", "--state", "/tmp/x"), keys));
        assertEquals(2, c.get("groups").size());
    }

    @Test
    void refusesWrongArguments() {
        assertTrue(refused().contains("--role"), "no role");
        assertTrue(refused("--role", "KING").contains("--role of"), "unknown role");
        assertTrue(refused("--role", "DONOR").contains("--org"), "donor without organisation");
        assertTrue(refused("--role", "DONOR", "--org", "acme").contains("UUID"), "organisation not a UUID");
        assertTrue(refused("--role").contains("needs a value"), "option without value");
        assertTrue(refused("--role", "ADMIN", "--colour", "red").contains("unknown option --colour"), "unknown option");
        assertTrue(refused("--role", "ADMIN", "--ttl", "12h").contains("ISO-8601"), "ttl not a duration");
        assertTrue(refused("--role", "ADMIN", "--ttl", "PT0S").contains("positive"), "ttl zero");
    }
}
