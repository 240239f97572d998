package org.corridor.shipment.domain;

/**
 * The effect an event had on stock in inventory-service, recorded on the event when it was recorded. Events are never
 * changed: a release that was pending then and went through later shows on the shipment's {@code stock}, not here.
 */
public enum StockEffect {
    RESERVATION_CONSUMED, RESERVATION_RELEASED, LOSS_RECORDED, RECALL_RECORDED,
    /** Cancelled before dispatch while inventory-service could not be reached: the release is retried later. */
    RELEASE_PENDING,
    /** Cancelled before dispatch; inventory-service refused the release (see the shipment's stock settlement). */
    RELEASE_REFUSED,
    /**
     * Cancelled before dispatch by a re-plan's approval: nothing was released, because the units had already been
     * handed over to another reservation (the event's {@code stockHandedOverTo}).
     */
    STOCK_HANDED_OVER
}
