package org.corridor.shipment.domain;

/** How a shipment travels: ROAD (trucks), AIR (cargo aircraft) or SEA (ships between two ports). */
public enum TransportMode {
    ROAD, AIR, SEA
}
