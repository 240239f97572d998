package org.corridor.inventory.service;

import java.util.List;
import java.util.UUID;
import org.corridor.inventory.domain.SettlementKind;

/**
 * The answer to a release or consume: the reservation after it, and what this settlement did line by line. A release
 * gives back, per line, at most what is still held (never fails because stock is no longer held), so its caller needs
 * the released quantities, not only the reservation's totals. A replay of a settlement reference answers the first
 * outcome again with {@code replay} true.
 */
public record SettlementView(ReservationView reservation, SettlementKind kind, String reference, boolean replay,
        List<Line> lines) {

    /**
     * One lot of the settlement: {@code requested} is what was asked (without lines: what was still held),
     * {@code consumed} and {@code released} what this settlement really issued or gave back.
     */
    public record Line(UUID lotId, long requested, long consumed, long released) {
    }
}
