package org.corridor.allocation.client;

import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The writes of plan approval to inventory-service and shipment-service, with SmallRye Fault Tolerance:
 * each call times out after 8 s and is retried twice on an unreachable service, a 5xx or a timeout
 * ({@link UpstreamUnavailableException}); a 4xx answer ({@link UpstreamException}) is never retried. Every call
 * is safe to repeat: creations carry an Idempotency-Key, assignment is idempotent per reference, and
 * release / unassign / cancel are idempotent.
 */
@ApplicationScoped
public class ApprovalGateway {

    public static final String INVENTORY = "inventory-service";
    public static final String SHIPMENT = "shipment-service";

    private final InventoryWriteApi inventory;
    private final ShipmentApi shipments;

    public ApprovalGateway(@RestClient InventoryWriteApi inventory, @RestClient ShipmentApi shipments) {
        this.inventory = inventory;
        this.shipments = shipments;
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public JsonNode reserve(String key, String reference, List<InventoryWriteApi.ReservationLine> lines) {
        return Upstream.call(INVENTORY, () -> inventory.reserve(key, new InventoryWriteApi.ReservationRequest(reference, lines)));
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public JsonNode releaseReservation(UUID reservationId) {
        return Upstream.call(INVENTORY, () -> inventory.release(reservationId));
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public JsonNode assignTeam(UUID teamId, String reference) {
        return Upstream.call(INVENTORY, () -> inventory.assign(teamId, new InventoryWriteApi.AssignmentRequest(reference)));
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public JsonNode releaseTeam(UUID teamId) {
        return Upstream.call(INVENTORY, () -> inventory.unassign(teamId));
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public JsonNode createShipment(String key, ShipmentApi.ShipmentRequest request) {
        return Upstream.call(SHIPMENT, () -> shipments.create(key, request));
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public JsonNode cancelShipment(UUID shipmentId, String note) {
        return Upstream.call(SHIPMENT, () -> shipments.event(shipmentId, new ShipmentApi.EventRequest("CANCELLED", Instant.now(), note)));
    }
}
