package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a settlement of a reservation does with held stock: CONSUME issues it out of the depot (ISSUE entries), RELEASE
 * gives it back to available stock (RELEASE entries). Stored in {@code reservation_settlement.kind}.
 */
@Schema(description = "CONSUME (held stock leaves the depot) or RELEASE (held stock becomes available again)",
        example = "RELEASE")
public enum SettlementKind {
    CONSUME, RELEASE
}
