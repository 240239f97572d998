package org.corridor.allocation.domain;

/** How a shipment travels: road within one land mass up to ~1,500 km, air beyond or across sea. */
public enum TransportMode {
    ROAD, AIR
}
