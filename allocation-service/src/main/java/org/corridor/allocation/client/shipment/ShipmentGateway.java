package org.corridor.allocation.client.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamGateway;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls of plan approval to shipment-service, with common's fault-tolerance policy ({@link UpstreamGateway}: 8 s
 * per attempt, two retries 200 ms apart on an unreachable service, a 5xx or a timeout; a 4xx is never retried). Both
 * calls are safe to repeat: creation carries an Idempotency-Key and cancelling a cancelled shipment changes nothing.
 */
@ApplicationScoped
public class ShipmentGateway extends UpstreamGateway {

    public static final String SERVICE = "shipment-service";
    public static final int PAGE_SIZE = 500;

    private final ShipmentClient client;

    public ShipmentGateway(@RestClient ShipmentClient client) {
        this.client = client;
    }

    public JsonNode createShipment(String key, ShipmentClient.ShipmentRequest request) {
        return Upstream.call(SERVICE, () -> client.create(key, request));
    }

    /** One shipment, or null when shipment-service does not know it (404). */
    public ShipmentClient.Shipment shipment(UUID shipmentId) {
        try {
            return Upstream.call(SERVICE, () -> client.shipment(shipmentId));
        } catch (UpstreamException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** One page of the plan's shipments. */
    public ShipmentClient.Page<ShipmentClient.Shipment> shipmentsOfPlan(UUID planId, int page) {
        return Upstream.call(SERVICE, () -> client.shipments(planId, page, PAGE_SIZE));
    }

    /** One page of {@code size} PLANNED shipments of every plan, without their lines (ids, plans and statuses). */
    public ShipmentClient.Page<ShipmentClient.Shipment> plannedShipments(int page, int size) {
        return Upstream.call(SERVICE, () -> client.shipmentsWithStatus("PLANNED", false, page, size));
    }

    /**
     * Cancels a PLANNED shipment without releasing its stock: its units stay held by {@code keptIn} for the re-plan
     * that takes them over.
     */
    public JsonNode cancelKeepingStock(UUID shipmentId, String note, UUID keptIn) {
        return Upstream.call(SERVICE, () -> client.event(shipmentId,
                new ShipmentClient.EventRequest("CANCELLED", Instant.now(), note, keptIn)));
    }

    public JsonNode cancelShipment(UUID shipmentId, String note) {
        return Upstream.call(SERVICE,
                () -> client.event(shipmentId, new ShipmentClient.EventRequest("CANCELLED", Instant.now(), note)));
    }
}
