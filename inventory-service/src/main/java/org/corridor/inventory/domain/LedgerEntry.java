package org.corridor.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * One append-only stock movement of one lot. Entries are never updated or deleted (the database refuses it with a
 * trigger); a mistake is corrected by a REVERSAL entry that negates it.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    /** Position in the ledger, assigned by the database: the order entries were written in. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "lot_id")
    public UUID lotId;
    @Enumerated(EnumType.STRING)
    public LedgerEntryType type;
    @Column(name = "on_hand_delta")
    public long onHandDelta;
    @Column(name = "reserved_delta")
    public long reservedDelta;
    @Column(name = "on_hand_after")
    public long onHandAfter;
    @Column(name = "reserved_after")
    public long reservedAfter;
    @Enumerated(EnumType.STRING)
    public AdjustmentReason reason;
    @Column(name = "reservation_id")
    public UUID reservationId;
    @Column(name = "reverses_entry_id")
    public UUID reversesEntryId;
    public String note;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
