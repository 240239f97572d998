package org.corridor.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Runs one REST client call to another Corridor service and turns its failures into {@link UpstreamException} (a 4xx,
 * never worth retrying) or {@link UpstreamUnavailableException} (unreachable or 5xx: the gateways'
 * {@code @Retry(retryOn = UpstreamUnavailableException.class)} retries it).
 */
public final class Upstream {

    private Upstream() {
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response r = e.getResponse();
            int status = r == null ? 0 : r.getStatus();
            JsonNode problem = body(r);
            if (status == 0 || status >= 500) {
                throw new UpstreamUnavailableException(service, status, problem, e);
            }
            throw new UpstreamException(service, status, problem, e);
        } catch (ProcessingException e) {
            throw new UpstreamUnavailableException(service, 0, null, e);
        }
    }

    private static JsonNode body(Response r) {
        if (r == null || !r.hasEntity()) {
            return null;
        }
        try {
            return r.readEntity(JsonNode.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
