package org.corridor.allocation.service.attention;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.client.shipment.ShipmentGateway;
import org.corridor.common.client.ListPage;
import org.corridor.common.client.ListPages;
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

    private static <T> List<T> all(IntFunction<? extends ListPage<T>> fetch) {
        return ListPages.collect(fetch, item -> true, Integer.MAX_VALUE, MAX_PAGES);
    }

    /** Every shipment of the plan, or empty when shipment-service does not answer. */
    Optional<List<ShipmentClient.Shipment>> shipmentsOf(UUID planId) {
        try {
            return Optional.of(all(page -> shipments.shipmentsOfPlan(planId, page)));
        } catch (RuntimeException e) {
            LOG.debugf("attention: shipment-service unavailable for plan %s (%s)", planId, e.toString());
            return Optional.empty();
        }
    }

    /** Ids of the teams inventory shows assigned under {@code reference}, or empty when inventory does not answer. */
    Optional<Set<UUID>> teamsAssignedTo(String reference) {
        try {
            return Optional.of(all(page -> inventoryGateway.teamsAssigned(reference, page)).stream()
                    .map(InventoryClient.Team::id).collect(Collectors.toSet()));
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
