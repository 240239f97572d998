package org.corridor.shipment.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Turns REST client outcomes into {@link UpstreamException}s the gateways' fault tolerance understands. */
final class Upstream {

    private Upstream() {
    }

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response r = e.getResponse();
            int status = r == null ? 0 : r.getStatus();
            String detail = problemDetail(r);
            if (status == 0 || status >= 500) {
                throw new RetryableUpstreamException(service, status, detail, e);
            }
            throw new UpstreamException(service, status, detail, e);
        } catch (ProcessingException e) {
            throw new RetryableUpstreamException(service, 0, null, e);
        }
    }

    private static String problemDetail(Response r) {
        if (r == null || !r.hasEntity()) {
            return null;
        }
        try {
            JsonNode body = r.readEntity(JsonNode.class);
            return body != null && body.hasNonNull("detail") ? body.get("detail").asText() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
