package org.corridor.allocation.solver.api;

/**
 * How goods or a team travel: ROAD between places joined by land, AIR anywhere, SEA between ports of coastal countries
 * (see {@code TransportModel}).
 */
public enum TransportMode {
    ROAD, AIR, SEA
}
