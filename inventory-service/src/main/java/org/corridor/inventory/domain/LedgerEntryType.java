package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Type of a stock ledger entry. Each entry moves on-hand and/or reserved by signed deltas:
 * <ul>
 * <li>RECEIPT: on-hand +q (a donor registers stock);</li>
 * <li>ISSUE: on-hand -q and reserved -q (a consumed reservation leaves the depot);</li>
 * <li>ADJUSTMENT: on-hand +/-q with a reason;</li>
 * <li>RESERVATION: reserved +q; RELEASE: reserved -q;</li>
 * <li>REVERSAL: the exact negation of the entry it reverses.</li>
 * </ul>
 * Only RECEIPT and ADJUSTMENT entries can be reversed: an ISSUE is stock that physically left (bring it back with a
 * receipt or a FOUND adjustment), reservation entries are undone by releasing the reservation, and a reversal is never
 * reversed (record a new receipt or adjustment instead).
 */
@Schema(description = "Type of a stock ledger entry")
public enum LedgerEntryType {
    RECEIPT, ISSUE, ADJUSTMENT, RESERVATION, RELEASE, REVERSAL;

    public boolean reversible() {
        return this == RECEIPT || this == ADJUSTMENT;
    }
}
