package org.corridor.allocation.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Another service could not be reached, timed out or answered 5xx: retried by the gateways, then a 503. */
public class UnavailableException extends UpstreamException {

    public UnavailableException(String service, int status, JsonNode problem, Throwable cause) {
        super(service, status, problem, cause);
    }
}
