package org.corridor.shipment.domain;

/**
 * Which settlement of the plan's shared reservation a shipment asked inventory-service for: its own lines consumed at
 * dispatch, or released when it is cancelled before dispatch.
 */
public enum SettlementOperation {
    /** At DISPATCHED: the lines become ISSUEs in inventory's ledger (the stock leaves the depot). */
    CONSUME,
    /** At CANCELLED before dispatch: the lines become available stock again. */
    RELEASE,
    /**
     * At CANCELLED before dispatch with {@code stockHandedOverTo}: no call to inventory-service; the lines' units are
     * held by another reservation since the re-plan's approval.
     */
    HAND_OVER
}
