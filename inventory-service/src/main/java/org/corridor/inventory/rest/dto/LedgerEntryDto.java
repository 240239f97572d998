package org.corridor.inventory.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.AdjustmentReason;
import org.corridor.inventory.domain.LedgerEntryType;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.LedgerEntryView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LedgerEntry", description = "One append-only movement of a lot's stock. The sums of onHandDelta and "
        + "reservedDelta over a lot's entries are its onHand and reserved.")
public record LedgerEntryDto(
        @Schema(description = "Entry id", example = Examples.ENTRY_ID) UUID id,
        @Schema(description = "Position in the ledger: entries are listed in this order",
                example = "1042") long sequence,
        @Schema(description = "Lot the entry moves", example = Examples.LOT_ID) UUID lotId,
        @Schema(description = "RECEIPT, ISSUE, ADJUSTMENT, RESERVATION, RELEASE or REVERSAL",
                example = "RECEIPT") LedgerEntryType type,
        @Schema(description = "Signed change of the lot's on-hand quantity", example = "400") long onHandDelta,
        @Schema(description = "Signed change of the lot's reserved quantity", example = "0") long reservedDelta,
        @Schema(description = "On-hand quantity of the lot after this entry", example = "400") long onHandAfter,
        @Schema(description = "Reserved quantity of the lot after this entry", example = "0") long reservedAfter,
        @Schema(description = "Reason of an ADJUSTMENT; null for other types",
                example = "DAMAGED") AdjustmentReason reason,
        @Schema(description = "Reservation of a RESERVATION, RELEASE or ISSUE entry; null otherwise",
                example = Examples.RESERVATION_ID) UUID reservationId,
        @Schema(description = "Entry that a REVERSAL negates; null for other types",
                example = Examples.ENTRY_ID) UUID reversesEntryId,
        @Schema(description = "Free-text note", example = "Pallet crushed during unloading") String note,
        @Schema(description = "When it was recorded", example = Examples.INSTANT) Instant occurredAt) {

    public static LedgerEntryDto from(LedgerEntryView e) {
        return new LedgerEntryDto(e.id(), e.sequence(), e.lotId(), e.type(), e.onHandDelta(), e.reservedDelta(),
                e.onHandAfter(), e.reservedAfter(), e.reason(), e.reservationId(), e.reversesEntryId(), e.note(),
                e.occurredAt());
    }
}
