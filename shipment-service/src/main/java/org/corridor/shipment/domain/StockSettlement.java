package org.corridor.shipment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;

/**
 * The shipment's settlement of its part of the plan's reservation in inventory-service, as far as it got: which
 * operation, how many attempts, when the next one is due (while a release waits for inventory to come back), when
 * inventory confirmed it, and a note in plain words for an operator. Kept on the shipment row so that the state the
 * operator sees and the work the background retry picks up are one and the same.
 */
@Embeddable
public class StockSettlement {

    /** Longest note kept (the column's size); longer notes are cut with an ellipsis. */
    public static final int NOTE_MAX = 2000;

    @Enumerated(EnumType.STRING)
    @Column(name = "stock_operation")
    public SettlementOperation operation;
    @Column(name = "stock_attempts")
    public int attempts;
    @Column(name = "stock_last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "stock_next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "stock_settled_at")
    public Instant settledAt;
    @Column(name = "stock_note")
    public String note;
    /** With operation HAND_OVER: the reservation in inventory-service that holds the shipment's units now. */
    @Column(name = "stock_handed_over_to")
    public UUID handedOverTo;

    /** Whether the shipment ever asked inventory-service to settle its lines. */
    public boolean started() {
        return operation != null;
    }

    static String clip(String note) {
        if (note == null || note.length() <= NOTE_MAX) {
            return note;
        }
        return note.substring(0, NOTE_MAX - 1) + "…";
    }
}
