package org.corridor.shipment.domain;

/** How a shipment travels (same values as allocation-service's plan lines). */
public enum TransportMode {
    ROAD, AIR
}
