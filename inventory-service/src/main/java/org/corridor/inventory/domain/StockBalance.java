package org.corridor.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The running totals of one lot: always equal to the sums of its ledger entries' deltas, because every change is made
 * in the same transaction as the entry that records it, under a row lock. The database also refuses
 * {@code reserved > on_hand} and negative values.
 */
@Entity
@Table(name = "stock_balance")
public class StockBalance extends PanacheEntityBase {
    @Id
    @Column(name = "lot_id")
    public UUID lotId;
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @MapsId
    @JoinColumn(name = "lot_id")
    public StockLot lot;
    @Column(name = "on_hand")
    public long onHand;
    public long reserved;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public long available() {
        return onHand - reserved;
    }
}
