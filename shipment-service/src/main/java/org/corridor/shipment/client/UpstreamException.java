package org.corridor.shipment.client;

/**
 * A call to another Corridor service did not give a usable answer. {@code status} is the HTTP status
 * the service answered with, or 0 when it could not be reached (connection refused, reset, timeout).
 */
public class UpstreamException extends RuntimeException {

    private final String service;
    private final int status;
    private final String detail;

    public UpstreamException(String service, int status, String detail, Throwable cause) {
        super(service + (status == 0 ? " unreachable" : " answered " + status) + (detail == null ? "" : ": " + detail), cause);
        this.service = service;
        this.status = status;
        this.detail = detail;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The {@code detail} of the service's problem answer, if it gave one. */
    public String detail() {
        return detail;
    }

    /** Unreachable or a 5xx: worth retrying, and a 503 for our own client if it persists. */
    public boolean isUnavailable() {
        return status == 0 || status >= 500;
    }
}
