package org.corridor.shipment.client.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamGateway;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Stock effects of shipment events, through inventory-service's HTTP API. Both calls are idempotent in inventory (one
 * reference per shipment and operation), so the retries of {@link UpstreamGateway}'s policy (on unreachable / 5xx /
 * timeout) are safe.
 */
@ApplicationScoped
public class InventoryGateway extends UpstreamGateway {

    public static final String SERVICE = "inventory-service";

    private final InventoryClient client;

    public InventoryGateway(@RestClient InventoryClient client) {
        this.client = client;
    }

    /** POST /api/v1/reservations/{id}/consume: this shipment's lines become ISSUEs (stock leaves the depot). */
    public JsonNode consume(UUID reservationId, UUID shipmentId, List<InventoryClient.Line> lines) {
        String reference = "shipment-" + shipmentId + "-consume";
        return Upstream.call(SERVICE, () -> client.consume(reservationId, reference,
                new InventoryClient.Settlement(reference, lines)));
    }

    /** POST /api/v1/reservations/{id}/release: this shipment's lines of the reservation are available again. */
    public JsonNode release(UUID reservationId, UUID shipmentId, List<InventoryClient.Line> lines) {
        String reference = "shipment-" + shipmentId + "-release";
        return Upstream.call(SERVICE, () -> client.release(reservationId, reference,
                new InventoryClient.Settlement(reference, lines)));
    }
}
