package org.corridor.inventory.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.AdjustmentReason;
import org.corridor.inventory.domain.LedgerEntry;
import org.corridor.inventory.domain.LedgerEntryType;

/** One append-only movement of a lot's stock, with the lot's balance after it. */
public record LedgerEntryView(UUID id, long sequence, UUID lotId, LedgerEntryType type, long onHandDelta,
        long reservedDelta, long onHandAfter, long reservedAfter, AdjustmentReason reason, UUID reservationId,
        UUID reversesEntryId, String note, Instant occurredAt) {

    static LedgerEntryView of(LedgerEntry e) {
        return new LedgerEntryView(e.id, e.seq, e.lotId, e.type, e.onHandDelta, e.reservedDelta, e.onHandAfter,
                e.reservedAfter, e.reason, e.reservationId, e.reversesEntryId, e.note, e.occurredAt);
    }
}
