package org.corridor.shipment.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.corridor.common.testing.SecurityChecks;

/**
 * What shipment-service presents when it calls inventory-service or allocation-service (recorded by WireMock): a
 * SERVICE token issued to shipment-service by common's ServiceTokenFilter.
 */
public final class ServiceTokenAssert {

    private ServiceTokenAssert() {
    }

    /**
     * Asserts the recorded call carried {@code Authorization: Bearer <jwt>} with groups [SERVICE]; returns the payload.
     */
    public static JsonNode assertServiceToken(LoggedRequest request) {
        return SecurityChecks.assertServiceToken(request.getHeader("Authorization"), "shipment-service");
    }
}
