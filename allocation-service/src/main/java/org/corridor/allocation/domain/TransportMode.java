package org.corridor.allocation.domain;

/**
 * How a shipment travels: ROAD between places joined by land, AIR anywhere, SEA between ports of coastal countries.
 */
public enum TransportMode {
    ROAD, AIR, SEA
}
