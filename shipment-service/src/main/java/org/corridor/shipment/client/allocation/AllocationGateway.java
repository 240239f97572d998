package org.corridor.shipment.client.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamGateway;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads an incident's needs from allocation-service (GET /api/v1/incidents/{id}/needs, all pages), with the
 * fault-tolerance policy of {@link UpstreamGateway}; its timeout is 10 s (application.properties). A caller that keeps
 * a copy asks {@link #needsIfChanged} with the ETag it got: allocation answers 304 without a body while the needs are
 * unchanged.
 */
@ApplicationScoped
public class AllocationGateway extends UpstreamGateway {

    public static final String SERVICE = "allocation-service";
    private static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 200;

    /** One need: how much of an item a site asked for. */
    public record Need(String siteId, String itemCode, long quantity) {
    }

    private final AllocationClient client;

    public AllocationGateway(@RestClient AllocationClient client) {
        this.client = client;
    }

    /**
     * The needs, or {@code notModified} when {@code etag} still matches. Only the first page is asked conditionally: an
     * incident with more needs than one page is read in full every time ({@code etag} of the answer is then null).
     */
    public record NeedsAnswer(boolean notModified, String etag, List<Need> needs) {
    }

    public NeedsAnswer needsIfChanged(UUID incidentId, String etag) {
        Response r = Upstream.call(SERVICE, () -> client.needsIfNoneMatch(incidentId, 0, PAGE_SIZE, etag));
        try {
            if (r.getStatus() == 304) {
                return new NeedsAnswer(true, etag, null);
            }
            if (r.getStatus() != 200) {
                throw new UpstreamException(SERVICE, r.getStatus(), "the needs answer is " + r.getStatus());
            }
            JsonNode body = r.readEntity(JsonNode.class);
            List<Need> all = new ArrayList<>();
            boolean more = add(body, all);
            if (!more) {
                return new NeedsAnswer(false, r.getHeaderString("ETag"), all);
            }
            // more than one page: the first page's tag does not cover the others; read them, keep no tag
            for (int page = 1; page < MAX_PAGES && more; page++) {
                int p = page;
                more = add(Upstream.call(SERVICE, () -> client.needs(incidentId, p, PAGE_SIZE)), all);
            }
            return new NeedsAnswer(false, null, all);
        } finally {
            r.close();
        }
    }

    public List<Need> needs(UUID incidentId) {
        List<Need> all = new ArrayList<>();
        boolean more = true;
        for (int page = 0; page < MAX_PAGES && more; page++) {
            int p = page;
            more = add(Upstream.call(SERVICE, () -> client.needs(incidentId, p, PAGE_SIZE)), all);
        }
        return all;
    }

    /** Adds the page's needs; whether more pages follow. */
    private static boolean add(JsonNode body, List<Need> all) {
        JsonNode items = items(body);
        for (JsonNode n : items) {
            all.add(new Need(n.path("siteId").asText(), n.path("itemCode").asText(), n.path("quantity").asLong()));
        }
        long total = body.path("total").asLong(all.size());
        return !items.isEmpty() && all.size() < total;
    }

    private static JsonNode items(JsonNode body) {
        JsonNode items = body == null ? null : body.get("items");
        if (items == null || !items.isArray()) {
            throw new UpstreamException(SERVICE, 200, "the needs answer has no items list");
        }
        return items;
    }
}
