package org.corridor.shipment.domain;

/** What the shipment's goods are, as far as inventory-service's stock is concerned. */
public enum StockState {
    /** Held by the shipment's reservation in the origin depot. */
    RESERVED,
    /** Reservation released (cancelled before dispatch): back to available stock. */
    RELEASED,
    /** Reservation consumed at dispatch: an ISSUE in inventory's ledger, the goods left the depot. */
    ISSUED,
    /** Issued, then lost in transit: recorded on the shipment, no further stock movement. */
    LOST,
    /** Issued, then the consignment was recalled (cancelled after dispatch) before arrival. */
    RECALLED,
    /**
     * Cancelled before dispatch, but inventory-service could not be reached to release the lines: the cancellation
     * stands and the release is retried in the background until inventory answers.
     */
    RELEASE_PENDING,
    /**
     * Cancelled before dispatch, and inventory-service refused the release (a 4xx, e.g. an unknown reservation): the
     * cancellation stands, the shipment's stock settlement note says why, and an operator may try again.
     */
    RELEASE_REFUSED,
    /**
     * Cancelled before dispatch by a re-plan's approval, which had already moved the lines' units in inventory-service
     * from this shipment's reservation to the re-plan's ({@code stockSettlement.handedOverTo}): nothing was released,
     * and nothing is left to settle.
     */
    HANDED_OVER
}
