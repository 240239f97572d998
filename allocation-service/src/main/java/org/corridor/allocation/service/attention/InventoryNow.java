package org.corridor.allocation.service.attention;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.client.inventory.InventoryClient;

/**
 * What inventory-service holds now, as the attention list reads it: every lot (including lots adjusted down to nothing,
 * so an approved line's lot can be found) and the AVAILABLE teams.
 */
record InventoryNow(List<InventoryClient.StockLot> lots, List<InventoryClient.Team> teams) {

    Map<UUID, InventoryClient.StockLot> lotsById() {
        Map<UUID, InventoryClient.StockLot> out = new HashMap<>();
        lots.stream().filter(l -> l.lotId() != null).forEach(l -> out.put(l.lotId(), l));
        return out;
    }
}
