package org.corridor.shipment.client;

/** An {@link UpstreamException} that fault tolerance retries: the service was unreachable or answered 5xx. */
public class RetryableUpstreamException extends UpstreamException {
    public RetryableUpstreamException(String service, int status, String detail, Throwable cause) {
        super(service, status, detail, cause);
    }
}
