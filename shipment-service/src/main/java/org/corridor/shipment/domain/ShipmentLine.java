package org.corridor.shipment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One lot carried by a shipment; accepted/rejected are filled by the proof of delivery. */
@Entity
@Table(name = "shipment_line")
public class ShipmentLine extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "shipment_id")
    public Shipment shipment;
    @Column(name = "line_no")
    public int lineNo;
    @Column(name = "item_code")
    public String itemCode;
    @Column(name = "lot_id")
    public UUID lotId;
    public int quantity;
    @Column(name = "weight_kg")
    public double weightKg;
    public Integer accepted;
    public Integer rejected;
    @Column(name = "rejection_reason")
    public String rejectionReason;

    /** Shipment ids per query: far below PostgreSQL's limit of bind parameters per statement. */
    private static final int IDS_PER_QUERY = 1000;

    /**
     * The lines of all the given shipments, per shipment in line order, with one query per 1,000 shipments: a page of
     * shipments (at most 500) is read with one query for the shipments and one for all their lines, whatever the page
     * size, never one query per shipment.
     */
    public static Map<UUID, List<ShipmentLine>> byShipment(List<UUID> shipmentIds) {
        Map<UUID, List<ShipmentLine>> out = new LinkedHashMap<>();
        for (int from = 0; from < shipmentIds.size(); from += IDS_PER_QUERY) {
            List<UUID> ids = shipmentIds.subList(from, Math.min(from + IDS_PER_QUERY, shipmentIds.size()));
            List<ShipmentLine> lines = getEntityManager()
                    .createQuery("select l from ShipmentLine l where l.shipment.id in :ids "
                            + "order by l.shipment.id, l.lineNo", ShipmentLine.class)
                    .setParameter("ids", ids).getResultList();
            for (ShipmentLine l : lines) {
                out.computeIfAbsent(l.shipment.id, k -> new ArrayList<>()).add(l);
            }
        }
        return out;
    }
}
