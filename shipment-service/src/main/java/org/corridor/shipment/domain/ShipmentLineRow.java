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

    /**
     * Native SQL, because the shipment ids are bound as one array: the statement is the same whatever the number of
     * shipments, so neither Hibernate (which translates a JPQL {@code in} list anew for each length) nor PostgreSQL
     * prepares it again per page.
     */
    private static final String LINES = "select shipment_id, item_code, lot_id, quantity, weight_kg, accepted, "
            + "rejected, rejection_reason from shipment_line where shipment_id = any(?1) order by shipment_id, line_no";

    /**
     * The lines of all the given shipments, per shipment in line order, with one statement whatever their number (a
     * page holds at most 500 shipments, an export chunk 500); a shipment without lines has no entry.
     */
    public static Map<UUID, List<ShipmentLineRow>> byShipment(List<UUID> shipmentIds) {
        Map<UUID, List<ShipmentLineRow>> out = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = Shipment.getEntityManager().createNativeQuery(LINES, Object[].class)
                .setParameter(1, shipmentIds.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            ShipmentLineRow l = new ShipmentLineRow((UUID) r[0], (String) r[1], (UUID) r[2],
                    ((Number) r[3]).intValue(), ((Number) r[4]).doubleValue(), integer(r[5]), integer(r[6]),
                    (String) r[7]);
            out.computeIfAbsent(l.shipmentId(), k -> new ArrayList<>()).add(l);
        }
        return out;
    }

    /** How many lines a shipment has and their total weight in kg. */
    public record Totals(int lines, double weightKg) {
    }

    private static final String TOTALS = "select shipment_id, count(*), coalesce(sum(weight_kg), 0) from shipment_line "
            + "where shipment_id = any(?1) group by shipment_id";

    /**
     * The number of lines and their total weight of each of the given shipments, with one statement and without reading
     * the lines; a shipment without lines has no entry.
     */
    public static Map<UUID, Totals> totalsByShipment(List<UUID> shipmentIds) {
        Map<UUID, Totals> out = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = Shipment.getEntityManager().createNativeQuery(TOTALS, Object[].class)
                .setParameter(1, shipmentIds.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            out.put((UUID) r[0], new Totals(((Number) r[1]).intValue(), ((Number) r[2]).doubleValue()));
        }
        return out;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
