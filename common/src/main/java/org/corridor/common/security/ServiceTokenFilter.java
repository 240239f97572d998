package org.corridor.common.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds this service's own SERVICE token to every REST Client call to another Corridor service (registered for all
 * clients by provider auto-discovery), unless the call set one itself.
 */
@Provider
public class ServiceTokenFilter implements ClientRequestFilter {

    @Inject
    ServiceTokens tokens;

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current());
        }
    }
}
