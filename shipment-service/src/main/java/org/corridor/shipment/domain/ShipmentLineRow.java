package org.corridor.shipment.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A shipment line's columns read straight from SQL as a record, with its shipment's id: the lines of a page of
 * shipments come from one statement, without building {@link ShipmentLine} entities.
 */
public record ShipmentLineRow(UUID shipmentId, String itemCode, UUID lotId, int quantity, double weightKg,
        Integer accepted, Integer rejected, String rejectionReason) {

    /** Shipment ids per statement: far below PostgreSQL's limit of bind parameters per statement. */
    private static final int IDS_PER_QUERY = 1000;

    /**
     * The lines of all the given shipments, per shipment in line order, with one statement per 1,000 shipments (a page
     * holds at most 500); a shipment without lines has no entry.
     */
    public static Map<UUID, List<ShipmentLineRow>> byShipment(List<UUID> shipmentIds) {
        Map<UUID, List<ShipmentLineRow>> out = new HashMap<>();
        for (int from = 0; from < shipmentIds.size(); from += IDS_PER_QUERY) {
            List<UUID> ids = shipmentIds.subList(from, Math.min(from + IDS_PER_QUERY, shipmentIds.size()));
            List<ShipmentLineRow> lines = Shipment.getEntityManager()
                    .createQuery("select new " + ShipmentLineRow.class.getName() + "(l.shipment.id, l.itemCode, "
                            + "l.lotId, l.quantity, l.weightKg, l.accepted, l.rejected, l.rejectionReason) "
                            + "from ShipmentLine l where l.shipment.id in :ids order by l.shipment.id, l.lineNo",
                            ShipmentLineRow.class)
                    .setParameter("ids", ids).getResultList();
            for (ShipmentLineRow l : lines) {
                out.computeIfAbsent(l.shipmentId(), k -> new ArrayList<>()).add(l);
            }
        }
        return out;
    }
}
