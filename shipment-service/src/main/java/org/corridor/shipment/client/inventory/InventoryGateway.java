package org.corridor.shipment.client.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamGateway;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Stock effects of shipment events, through inventory-service's HTTP API. Both calls are idempotent in inventory (one
 * reference per shipment and operation), so the retries of {@link UpstreamGateway}'s policy (on unreachable / 5xx /
 * timeout) are safe. Each call sends all of the shipment's lines in one settlement.
 */
@ApplicationScoped
public class InventoryGateway extends UpstreamGateway {

    public static final String SERVICE = "inventory-service";

    /**
     * What inventory-service says it settled, per lot: the sum of the answer's {@code settlement.lines[].released}
     * (release) or {@code settlement.lines[].consumed} (consume) over the lines naming that lot. A lot the answer does
     * not name, or names without the field, is absent: unknown, not zero.
     */
    public record Settled(Map<UUID, Long> byLot) {
    }

    private final InventoryClient client;

    public InventoryGateway(@RestClient InventoryClient client) {
        this.client = client;
    }

    /** The settlement reference of a shipment's consume or release: inventory applies each reference once. */
    public static String reference(UUID shipmentId, String operation) {
        return "shipment-" + shipmentId + "-" + operation;
    }

    /** POST /api/v1/reservations/{id}/consume: this shipment's lines become ISSUEs (stock leaves the depot). */
    public Settled consume(UUID reservationId, UUID shipmentId, List<InventoryClient.Line> lines) {
        String reference = reference(shipmentId, "consume");
        JsonNode answer = Upstream.call(SERVICE, () -> client.consume(reservationId, reference,
                new InventoryClient.Settlement(reference, lines)));
        return settled(answer, "consumed");
    }

    /**
     * POST /api/v1/reservations/{id}/release: this shipment's lines of the reservation are available again. Inventory
     * releases per line what it still holds of it (at most what was asked), so this answers 200 even when the stock was
     * already released or consumed; {@link Settled} says how much each lot got back.
     */
    public Settled release(UUID reservationId, UUID shipmentId, List<InventoryClient.Line> lines) {
        String reference = reference(shipmentId, "release");
        JsonNode answer = Upstream.call(SERVICE, () -> client.release(reservationId, reference,
                new InventoryClient.Settlement(reference, lines)));
        return settled(answer, "released");
    }

    /**
     * What this call settled per lot: inventory answers the reservation (its lines carry running totals over every
     * settlement of the shared reservation) with {@code settlement.lines}, what this one call did.
     */
    private static Settled settled(JsonNode answer, String field) {
        Map<UUID, Long> byLot = new HashMap<>();
        JsonNode lines = answer == null ? null : answer.path("settlement").get("lines");
        if (lines != null && lines.isArray()) {
            for (JsonNode l : lines) {
                UUID lot = lot(l.path("lotId").asText(null));
                if (lot != null && l.path(field).canConvertToLong()) {
                    byLot.merge(lot, l.path(field).asLong(), Long::sum);
                }
            }
        }
        return new Settled(Map.copyOf(byLot));
    }

    private static UUID lot(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
