package org.corridor.common.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call to another Corridor service did not give a usable answer: it refused (4xx, with its problem body if it sent
 * one), or, as {@link UpstreamUnavailableException}, it could not be reached, timed out or answered 5xx.
 */
public class UpstreamException extends RuntimeException {

    private final String service;
    private final int status;
    private final transient JsonNode problem;
    private final String detail;

    public UpstreamException(String service, int status, JsonNode problem, Throwable cause) {
        this(service, status, problem,
                problem != null && problem.hasNonNull("detail") ? problem.get("detail").asText() : null, cause);
    }

    /** An answer that was received but cannot be used, described in words. */
    public UpstreamException(String service, int status, String detail) {
        this(service, status, null, detail, null);
    }

    private UpstreamException(String service, int status, JsonNode problem, String detail, Throwable cause) {
        super(service + (status == 0 ? " unreachable" : " answered " + status) + (detail == null ? "" : ": " + detail),
                cause);
        this.service = service;
        this.status = status;
        this.problem = problem;
        this.detail = detail;
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
        return detail;
    }

    /** Unreachable, timed out or a 5xx: worth retrying, and a 503 for our own client if it persists. */
    public boolean isUnavailable() {
        return false;
    }
}
