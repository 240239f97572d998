package org.corridor.allocation.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What allocation-service presents when it calls inventory-service or shipment-service: a bearer token
 * (common's ServiceTokenFilter) whose payload names only the SERVICE role and has not expired. The
 * signature itself is checked by the receiving service; here the payload is decoded as a receiver would.
 */
public final class ServiceTokenAssert {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceTokenAssert() {
    }

    /** Asserts the recorded call carried {@code Authorization: Bearer <jwt>} with groups [SERVICE]; returns the payload. */
    public static JsonNode assertServiceToken(LoggedRequest request) {
        String header = request.getHeader("Authorization");
        assertNotNull(header, "no Authorization header on " + request.getMethod() + " " + request.getUrl());
        assertTrue(header.startsWith("Bearer "), header);
        String[] parts = header.substring("Bearer ".length()).split("\\.");
        assertEquals(3, parts.length, "not a signed JWT: " + header);
        JsonNode payload;
        try {
            payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> groups = new ArrayList<>();
        payload.path("groups").forEach(g -> groups.add(g.asText()));
        assertEquals(List.of("SERVICE"), groups, payload.toString());
        assertEquals("allocation-service", payload.path("sub").asText(), payload.toString());
        assertTrue(payload.path("exp").asLong() > Instant.now().getEpochSecond(), "expired: " + payload);
        JsonNode header0;
        try {
            header0 = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals("RS256", header0.path("alg").asText(), header0.toString());
        return payload;
    }
}
