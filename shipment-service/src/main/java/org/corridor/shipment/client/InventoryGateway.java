package org.corridor.shipment.client;

import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Stock effects of shipment events, through inventory-service's HTTP API. Both calls are idempotent
 * in inventory, so retrying them (on unreachable / 5xx / timeout) is safe. Timeouts and retries can be
 * tuned with MicroProfile Fault Tolerance properties, e.g.
 * {@code org.corridor.shipment.client.InventoryGateway/consume/Retry/maxRetries=2}.
 */
@ApplicationScoped
public class InventoryGateway {

    public static final String SERVICE = "inventory-service";

    @RestClient
    InventoryClient client;

    /** POST /api/v1/reservations/{id}/consume: this shipment's lines of the reservation become ISSUEs (stock leaves the depot). */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, retryOn = {UpstreamUnavailableException.class,
            org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    public JsonNode consume(UUID reservationId, UUID shipmentId, List<InventoryClient.Line> lines) {
        String reference = "shipment-" + shipmentId + "-consume";
        return Upstream.call(SERVICE, () -> client.consume(reservationId, reference,
                new InventoryClient.Settlement(reference, lines)));
    }

    /** POST /api/v1/reservations/{id}/release: this shipment's lines of the reservation are available again. */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, retryOn = {UpstreamUnavailableException.class,
            org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    public JsonNode release(UUID reservationId, UUID shipmentId, List<InventoryClient.Line> lines) {
        String reference = "shipment-" + shipmentId + "-release";
        return Upstream.call(SERVICE, () -> client.release(reservationId, reference,
                new InventoryClient.Settlement(reference, lines)));
    }
}
