package org.corridor.shipment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One consignment from an origin depot to an incident site, carrying lots held by its plan's reservation (shared with
 * the plan's other shipments; each settles only its own lines).
 */
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
    @Embedded
    public StockSettlement stockSettlement = new StockSettlement();
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

    /**
     * Records one attempt to settle the shipment's lines in inventory-service and where it left the stock:
     * {@code nextAttemptAt} is set while a release waits for inventory, {@code settledAt} once inventory confirmed it.
     * The shipment counts as changed ({@code updatedAt}), so pollers of {@code since} see the new stock state.
     */
    public void settlementAttempted(SettlementOperation operation, StockState state, Instant at, Instant nextAttemptAt,
            String note) {
        if (stockSettlement == null) {
            stockSettlement = new StockSettlement();
        }
        stockSettlement.operation = operation;
        stockSettlement.attempts++;
        stockSettlement.lastAttemptAt = at;
        stockSettlement.nextAttemptAt = nextAttemptAt;
        stockSettlement.settledAt = state == StockState.RELEASED || state == StockState.ISSUED
                || state == StockState.HANDED_OVER ? at : null;
        stockSettlement.note = StockSettlement.clip(note);
        stock = state;
        updatedAt = at;
    }

    /**
     * Ids of shipments whose release waits for inventory-service and is due at {@code now}, the longest waiting first.
     */
    public static List<UUID> releasesDue(Instant now, int limit) {
        return getEntityManager()
                .createQuery("select s.id from Shipment s where s.stock = :pending "
                        + "and s.stockSettlement.nextAttemptAt <= :now order by s.stockSettlement.nextAttemptAt, s.id",
                        UUID.class)
                .setParameter("pending", StockState.RELEASE_PENDING).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    /** The shipment locked for this transaction, waiting for another transaction holding it. */
    public static Optional<Shipment> lock(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The shipment locked for this transaction, or empty when it is unknown or another transaction (another replica's
     * retry, an operator's request) holds it right now: {@code SELECT ... FOR UPDATE SKIP LOCKED}.
     */
    public static Optional<Shipment> lockUnlessBusy(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2).firstResultOptional();
    }

    public boolean hasProofOfDelivery() {
        return podRecordedAt != null;
    }

    public int totalQuantity() {
        return lines.stream().mapToInt(l -> l.quantity).sum();
    }
}
