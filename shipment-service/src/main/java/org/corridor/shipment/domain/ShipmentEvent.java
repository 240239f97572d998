package org.corridor.shipment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One tracking event of a shipment. Append-only: rows are inserted, never updated or deleted. */
@Entity
@Table(name = "shipment_event")
public class ShipmentEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "shipment_id")
    public UUID shipmentId;
    public int seq;
    @Enumerated(EnumType.STRING)
    public EventType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ShipmentStatus fromStatus;
    public Instant at;
    public String location;
    public Double latitude;
    public Double longitude;
    public String note;
    @Enumerated(EnumType.STRING)
    @Column(name = "stock_effect")
    public StockEffect stockEffect;
    /** The reservation that holds the shipment's units since a hand-over (CANCELLED with STOCK_HANDED_OVER only). */
    @Column(name = "stock_handed_over_to")
    public UUID stockHandedOverTo;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static List<ShipmentEvent> history(UUID shipmentId) {
        return list("shipmentId", Sort.by("seq"), shipmentId);
    }

    public static Optional<ShipmentEvent> latest(UUID shipmentId) {
        return find("shipmentId", Sort.descending("seq"), shipmentId).firstResultOptional();
    }
}
