package org.corridor.shipment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One consignment from an origin depot to an incident site, carrying lots held by one reservation. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "origin_depot_id")
    public UUID originDepotId;
    @Column(name = "origin_country_code")
    public String originCountryCode;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "site_name")
    public String siteName;
    @Column(name = "destination_country_code")
    public String destinationCountryCode;
    @Enumerated(EnumType.STRING)
    public TransportMode mode;
    public Integer vehicles;
    @Column(name = "planned_departure")
    public Instant plannedDeparture;
    @Column(name = "estimated_arrival")
    public Instant estimatedArrival;
    @Column(name = "reservation_id")
    public UUID reservationId;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    @Enumerated(EnumType.STRING)
    public StockState stock;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "pod_received_by")
    public String podReceivedBy;
    @Column(name = "pod_received_at")
    public Instant podReceivedAt;
    @Column(name = "pod_recorded_at")
    public Instant podRecordedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL, orphanRemoval = true)
    @org.hibernate.annotations.BatchSize(size = 100)
    @OrderBy("lineNo")
    public List<ShipmentLine> lines = new ArrayList<>();

    public boolean hasProofOfDelivery() {
        return podRecordedAt != null;
    }

    public int totalQuantity() {
        return lines.stream().mapToInt(l -> l.quantity).sum();
    }
}
