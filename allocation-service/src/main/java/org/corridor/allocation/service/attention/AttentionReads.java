package org.corridor.allocation.service.attention;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.client.shipment.ShipmentGateway;
import org.jboss.logging.Logger;

/**
 * What the attention list reads from inventory-service and shipment-service, each read answering empty when the service
 * is down (after the gateways' own retries) instead of failing: attention is a read for deciding whether to re-plan,
 * and most of it comes from this service's database, so it degrades to what can be said and names what it could not
 * check.
 */
@ApplicationScoped
public class AttentionReads {

    private static final Logger LOG = Logger.getLogger(AttentionReads.class);
    private static final int MAX_PAGES = 200;

    private final InventoryGateway inventoryGateway;
    private final ShipmentGateway shipments;

    public AttentionReads(InventoryGateway inventoryGateway, ShipmentGateway shipments) {
        this.inventoryGateway = inventoryGateway;
        this.shipments = shipments;
    }

    /** Every lot and the AVAILABLE teams, or empty when inventory-service does not answer. */
    Optional<InventoryNow> inventory() {
        try {
            return Optional
                    .of(new InventoryNow(all(inventoryGateway::allStock), all(inventoryGateway::availableTeams)));
        } catch (RuntimeException e) {
            LOG.debugf("attention: inventory-service unavailable (%s)", e.toString());
            return Optional.empty();
        }
    }

    private static <T> List<T> all(IntFunction<InventoryClient.Page<T>> fetch) {
        List<T> out = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            InventoryClient.Page<T> p = fetch.apply(page);
            if (p == null || p.items() == null) {
                break;
            }
            out.addAll(p.items());
            if (p.items().isEmpty() || out.size() >= p.total()) {
                break;
            }
        }
        return out;
    }

    /** Every shipment of the plan, or empty when shipment-service does not answer. */
    Optional<List<ShipmentClient.Shipment>> shipmentsOf(UUID planId) {
        try {
            List<ShipmentClient.Shipment> all = new ArrayList<>();
            for (int page = 0; page < MAX_PAGES; page++) {
                ShipmentClient.Page<ShipmentClient.Shipment> p = shipments.shipmentsOfPlan(planId, page);
                if (p == null || p.items() == null) {
                    break;
                }
                all.addAll(p.items());
                if (p.items().isEmpty() || all.size() >= p.total()) {
                    break;
                }
            }
            return Optional.of(all);
        } catch (RuntimeException e) {
            LOG.debugf("attention: shipment-service unavailable for plan %s (%s)", planId, e.toString());
            return Optional.empty();
        }
    }

    /** Ids of the teams inventory shows assigned under {@code reference}, or empty when inventory does not answer. */
    Optional<Set<UUID>> teamsAssignedTo(String reference) {
        try {
            Set<UUID> out = new HashSet<>();
            int seen = 0;
            for (int page = 0; page < MAX_PAGES; page++) {
                InventoryClient.Page<InventoryClient.Team> p = inventoryGateway.teamsAssigned(reference, page);
                if (p == null || p.items() == null) {
                    break;
                }
                p.items().forEach(t -> out.add(t.id()));
                seen += p.items().size();
                if (p.items().isEmpty() || seen >= p.total()) {
                    break;
                }
            }
            return Optional.of(out);
        } catch (RuntimeException e) {
            LOG.debugf("attention: inventory-service unavailable for the teams under %s (%s)", reference, e.toString());
            return Optional.empty();
        }
    }

    /** The team as inventory knows it now; empty when unknown to inventory or when inventory does not answer. */
    Optional<InventoryClient.Team> team(UUID teamId) {
        try {
            return inventoryGateway.team(teamId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
