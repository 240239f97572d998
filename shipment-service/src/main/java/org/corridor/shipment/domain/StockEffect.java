package org.corridor.shipment.domain;

/** The effect an event had on stock in inventory-service, recorded on the event. */
public enum StockEffect {
    RESERVATION_CONSUMED, RESERVATION_RELEASED, LOSS_RECORDED, RECALL_RECORDED
}
