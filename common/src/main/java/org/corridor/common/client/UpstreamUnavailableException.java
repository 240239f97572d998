package org.corridor.common.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The other service could not be reached or answered 5xx: gateways retry it, then answer 503. */
public class UpstreamUnavailableException extends UpstreamException {

    public UpstreamUnavailableException(String service, int status, JsonNode problem, Throwable cause) {
        super(service, status, problem, cause);
    }

    @Override
    public boolean isUnavailable() {
        return true;
    }
}
