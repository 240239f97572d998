package org.corridor.shipment.client.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamGateway;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads an incident's needs from allocation-service (GET /api/v1/incidents/{id}/needs, all pages), with the
 * fault-tolerance policy of {@link UpstreamGateway}; its timeout is 10 s (application.properties).
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

    public List<Need> needs(UUID incidentId) {
        List<Need> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            int p = page;
            JsonNode body = Upstream.call(SERVICE, () -> client.needs(incidentId, p, PAGE_SIZE));
            JsonNode items = body == null ? null : body.get("items");
            if (items == null || !items.isArray()) {
                throw new UpstreamException(SERVICE, 200, "the needs answer has no items list");
            }
            for (JsonNode n : items) {
                all.add(new Need(n.path("siteId").asText(), n.path("itemCode").asText(), n.path("quantity").asLong()));
            }
            long total = body.path("total").asLong(all.size());
            if (items.isEmpty() || all.size() >= total) {
                break;
            }
        }
        return all;
    }
}
