package org.corridor.allocation.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Turns REST client outcomes into {@link UpstreamException} (4xx) or {@link UnavailableException} (down, 5xx). */
final class Upstream {

    private Upstream() {
    }

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response r = e.getResponse();
            int status = r == null ? 0 : r.getStatus();
            JsonNode problem = body(r);
            if (status == 0 || status >= 500) {
                throw new UnavailableException(service, status, problem, e);
            }
            throw new UpstreamException(service, status, problem, e);
        } catch (ProcessingException e) {
            throw new UnavailableException(service, 0, null, e);
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
