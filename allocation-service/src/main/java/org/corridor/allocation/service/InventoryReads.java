package org.corridor.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.common.client.ListPage;
import org.corridor.common.client.ListPages;
import org.corridor.common.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * What the allocation service reads from inventory, paged through to the end, with every failure that is left once the
 * gateway has retried (connection refused, timeout, 5xx, unreadable answer) turned into a 503 problem "Inventory
 * service unavailable": never a 500. Each page is its own gateway call (its own timeout and retries).
 */
@ApplicationScoped
public class InventoryReads {

    private static final Logger LOG = Logger.getLogger(InventoryReads.class);
    /** A safety stop for paging: 200 pages of 500 = 100,000 rows. */
    private static final int MAX_PAGES = 200;

    private final InventoryGateway gateway;

    public InventoryReads(InventoryGateway gateway) {
        this.gateway = gateway;
    }

    /** The snapshot a plan is built from. */
    public record Snapshot(List<InventoryClient.Item> items, List<InventoryClient.StockLot> lots,
            List<InventoryClient.Team> teams) {
    }

    public Optional<InventoryClient.Country> country(String iso3) {
        return call(() -> gateway.country(iso3));
    }

    public Optional<InventoryClient.Item> item(String code) {
        return call(() -> gateway.item(code));
    }

    public List<InventoryClient.Item> items() {
        return call(() -> all(gateway::items));
    }

    public Snapshot snapshot() {
        return call(() -> new Snapshot(all(gateway::items), all(gateway::availableStock),
                all(gateway::availableTeams)));
    }

    /**
     * The snapshot a re-plan is built from: every lot (the base's reserved units are given back to it), the AVAILABLE
     * teams and the teams assigned under the base's references (they may keep or change their assignment).
     */
    public Snapshot snapshotForReplan(List<String> teamReferences) {
        return call(() -> {
            List<InventoryClient.Team> teams = new ArrayList<>(all(gateway::availableTeams));
            for (String reference : teamReferences) {
                teams.addAll(all(page -> gateway.teamsAssigned(reference, page)));
            }
            return new Snapshot(all(gateway::items), all(gateway::allStock), teams);
        });
    }

    private static <T> List<T> all(IntFunction<? extends ListPage<T>> fetch) {
        return ListPages.collect(fetch, item -> true, Integer.MAX_VALUE, MAX_PAGES);
    }

    private static <T> T call(Supplier<T> s) {
        try {
            return s.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("inventory-service call failed: %s", e.toString());
            throw ProblemException.unavailable("Inventory service unavailable",
                    "inventory-service cannot be reached or did not answer in time; retry later");
        }
    }
}
