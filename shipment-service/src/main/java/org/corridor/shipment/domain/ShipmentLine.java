package org.corridor.shipment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
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
}
