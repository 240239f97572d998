package org.corridor.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One lot and quantity held by a reservation. */
@Embeddable
public class ReservationLine {
    @Column(name = "lot_id")
    public UUID lotId;
    @Column(name = "item_code")
    public String itemCode;
    public long quantity;
    /** How much of the quantity was issued out of the depot. */
    public long consumed;
    /** How much of the quantity was given back to available stock. */
    public long released;

    public ReservationLine() {
    }

    public ReservationLine(UUID lotId, String itemCode, long quantity) {
        this.lotId = lotId;
        this.itemCode = itemCode;
        this.quantity = quantity;
    }

    /** What is still held: neither consumed nor released. */
    public long held() {
        return quantity - consumed - released;
    }
}
