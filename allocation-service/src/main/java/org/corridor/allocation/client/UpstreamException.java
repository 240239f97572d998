package org.corridor.allocation.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Another service refused a call (4xx): {@code status} and its problem body, if it sent one. Not retried.
 */
public class UpstreamException extends RuntimeException {

    private final String service;
    private final int status;
    private final transient JsonNode problem;

    public UpstreamException(String service, int status, JsonNode problem, Throwable cause) {
        super(service + " answered " + status + (problem != null && problem.hasNonNull("detail") ? ": " + problem.get("detail").asText() : ""), cause);
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    /** HTTP status, 0 when the service could not be reached. */
    public int status() {
        return status;
    }

    /** The problem body the service answered, or null. */
    public JsonNode problem() {
        return problem;
    }

    /** The problem's detail, or null. */
    public String detail() {
        return problem != null && problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
    }
}
