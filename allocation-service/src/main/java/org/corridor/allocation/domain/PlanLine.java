package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Quantity of one lot sent to one need by one mode. */
@Entity
@Table(name = "plan_line")
public class PlanLine extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    public int position;
    @Column(name = "need_id")
    public UUID needId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "item_code")
    public String itemCode;
    @Column(name = "lot_id")
    public UUID lotId;
    @Column(name = "depot_id")
    public UUID depotId;
    @Column(name = "origin_country_code")
    public String originCountryCode;
    public int quantity;
    @Enumerated(EnumType.STRING)
    public TransportMode mode;
    @Column(name = "departs_at")
    public Instant departsAt;
    @Column(name = "arrives_at")
    public Instant arrivesAt;
    /** Where the line stands; PLANNED until its plan is approved, then it follows its shipment. */
    @Enumerated(EnumType.STRING)
    public LineState state = LineState.PLANNED;
    /** The shipment carrying it, once approved. */
    @Column(name = "shipment_id")
    public UUID shipmentId;
    /** Units accepted at delivery (proof of delivery), once DELIVERED. */
    public int delivered;
    /** Units rejected at delivery, once DELIVERED: uncovered again. */
    public int rejected;
    /** The inventory reservation holding its units, once approved (a line kept by a re-plan keeps it). */
    @Column(name = "reservation_id")
    public UUID reservationId;
    /** Taken over (or removed) by an approved re-plan: no longer counts towards coverage. */
    public boolean superseded;
}
